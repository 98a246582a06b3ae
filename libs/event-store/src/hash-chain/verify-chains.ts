import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore } from '../event-store.port';
import { ChainVerifier, type ChainBreak, type StreamHead } from './chain-verifier';

export interface ChainWalkProgress {
  eventsChecked: number;
  /** The position of the last event checked. */
  position: bigint;
  /** Where the walk ends. */
  toPosition: bigint;
}

export interface ChainWalkOptions {
  /** The last position the walk covers (inclusive); defaults to the store's head when the walk starts. */
  toPosition?: bigint;
  /** Called every `progressEvery` events and once at the end. */
  onProgress?: (progress: ChainWalkProgress) => void;
  progressEvery?: number;
}

/** What a walk over every stream found. */
export interface ChainReport {
  /** No break found. Unchained events alone do not make it false. */
  ok: boolean;
  eventsChecked: number;
  streams: number;
  /** The position the walk covered, up to and including. */
  position: bigint;
  /** Events stored before the chain existed (each stream's unchained prefix). */
  unchainedEvents: number;
  breaks: number;
  firstBreak?: ChainBreak;
}

export interface ChainWalk {
  report: ChainReport;
  /** Every stream's last event up to `report.position`, sorted by stream id. */
  heads(): StreamHead[];
}

/** Events between two turns of the event loop, so that a long walk inside the service does not stall its requests. */
const EVENTS_PER_TURN = 1000;

/**
 * Walks the store once in global order up to `toPosition` and checks every stream's hash chain
 * (one `readAll`, one entry per stream in memory). Used by the verify endpoint, the digest, and the
 * command line.
 */
export async function walkChains(store: EventStore, options: ChainWalkOptions = {}): Promise<ChainWalk> {
  const toPosition = options.toPosition ?? (await store.headPosition());
  const progressEvery = options.progressEvery ?? 10_000;
  const verifier = new ChainVerifier();
  const progress = () => options.onProgress?.({ eventsChecked: verifier.eventsChecked, position: verifier.position, toPosition });
  if (toPosition > 0n) {
    for await (const event of store.readAll()) {
      if (event.position > toPosition) break;
      verifier.check(event);
      if (verifier.eventsChecked % progressEvery === 0) progress();
      if (verifier.eventsChecked % EVENTS_PER_TURN === 0) await nextTurn();
      if (event.position === toPosition) break;
    }
  }
  progress();
  const report: ChainReport = {
    ok: verifier.breaks === 0,
    eventsChecked: verifier.eventsChecked,
    streams: verifier.streamCount,
    position: toPosition,
    unchainedEvents: verifier.unchainedEvents,
    breaks: verifier.breaks,
    ...(verifier.firstBreak ? { firstBreak: verifier.firstBreak } : {}),
  };
  return { report, heads: () => verifier.heads() };
}

/** Checks every stream's hash chain up to `toPosition` (default: the head). */
export async function verifyChains(store: EventStore, options: ChainWalkOptions = {}): Promise<ChainReport> {
  return (await walkChains(store, options)).report;
}
