/** Exit codes of `npm run ledger` (docs/cli.md). */
export const EXIT_OK = 0;
/** The check ran and found something: differences (replay) or a break (verify). */
export const EXIT_FOUND = 1;
/** The command could not run: bad options, no data folder, an unreadable file, a store that cannot be reached. */
export const EXIT_CANNOT_RUN = 2;

/** A failure the operator can fix (an option, a path, the environment): one line on stderr, exit code 2, no stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
