/** What a command answers: whether it wrote anything, and the position read-your-writes waits for. */
export interface CommandResult {
  /** False for a repeat that decided nothing (the same create again, a change to what already is). */
  wrote: boolean;
  position: bigint;
}
