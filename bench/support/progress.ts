/** Progress messages of a benchmark: they go to stderr, so that stdout carries only its JSON report. */

/** A function that writes `[tag] message` lines to stderr. */
export function progressLog(tag: string): (message: string) => void {
  return (message) => {
    process.stderr.write(`[${tag}] ${message}\n`);
  };
}
