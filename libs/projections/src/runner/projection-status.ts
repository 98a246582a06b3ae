export type ProjectionState = 'starting' | 'catching-up' | 'live' | 'stopped' | 'failed';

export interface ProjectionStatus {
  name: string;
  version: number;
  state: ProjectionState;
  /** Global position of the last event applied (0 = none). */
  position: string;
  /** Events in the store not yet applied. */
  lag: string;
  error?: string;
}

/** Where one projection stands, without its lag (which needs the store's head). */
export type ProjectionProgress = Omit<ProjectionStatus, 'lag'>;

export function withLag(progress: readonly ProjectionProgress[], head: bigint): ProjectionStatus[] {
  return progress.map((p) => {
    const position = BigInt(p.position);
    return { ...p, lag: (head > position ? head - position : 0n).toString() };
  });
}
