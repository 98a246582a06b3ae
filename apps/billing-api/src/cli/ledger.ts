/*
 * The command line for operators and auditors (docs/cli.md):
 *
 *   npm run ledger -- <command> [options]     (from the repository, through @swc-node/register)
 *   node dist/apps/billing-api/src/cli/ledger.js <command> [options]     (after npm run build)
 *
 * It opens the store and the read models the service would open with the same environment
 * (LEDGER_DATA_DIR or --data-dir, EVENTSTORE_CONNECTION_STRING); it may run beside the service.
 */
import 'reflect-metadata';
import { Command, CommanderError, Option } from 'commander';
import { CliError, EXIT_CANNOT_RUN, EXIT_OK } from './cli-error';
import { exportEventsCommand } from './export-events/export-events.command';
import { locateLedgerData } from './ledger-data';
import { parseCategories, parseLimit, parsePosition, parseTypes } from './options';
import type { ProgressOptions } from './progress';
import { replayCommand } from './replay/replay.command';
import { statsCommand } from './stats/stats.command';
import { verifyCommand } from './verify/verify.command';

interface GlobalOptions {
  dataDir?: string;
  progress: boolean;
}

const HELP_AFTER = `
Environment (as the service reads it):
  LEDGER_DATA_DIR               the data folder (default ./data): ledger.sqlite, read-models.sqlite
  EVENTSTORE_CONNECTION_STRING  read the events from EventStoreDB instead of ledger.sqlite
  LEDGER_SIGNING_KEY            the ledger's signing key, to tell whether a digest is this ledger's

Exit codes: 0 all is well, 1 the check found something (differences, a broken chain, a digest
that does not match), 2 the command could not run (bad options, no data folder, unreadable file).
Progress goes to stderr: a bar on a terminal, a plain line every few seconds otherwise.`;

/** The command line; each action stores its exit code in `exit.code`. */
export function ledgerProgram(exit: { code: number }, io = { stdout: process.stdout, stderr: process.stderr }): Command {
  const program = new Command('ledger')
    .description('Operate and audit the billing ledger: rebuild and compare the read models, verify the hash chains, export and count the events.')
    .option('--data-dir <folder>', 'the data folder (default: LEDGER_DATA_DIR, else ./data)')
    .option('--no-progress', 'show no progress on stderr')
    .addHelpText('after', HELP_AFTER)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander puts its suggestion on a line of its own: one line per error here.
      outputError: (text, write) => write(`${text.trimEnd().replace(/\n\(Did you mean (.*)\?\)$/, ' (did you mean $1?)')}\n`),
    });

  const context = (command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const progress: ProgressOptions = { enabled: globals.progress, stream: io.stderr };
    return { data: locateLedgerData(globals.dataDir), progress };
  };

  program
    .command('replay')
    .description(
      'rebuild every read model from position 0 into a fresh file, up to where the live read models stand, and compare it with the live file row by row (exit 1 on a difference)',
    )
    .option('--out <file>', 'keep the rebuilt read models in this new file (default: a temporary file, deleted)')
    .option('--limit <n>', 'differences to show', parseLimit, 10)
    .option('--json', 'print the report as JSON')
    .action(async (options: { out?: string; limit: number; json?: boolean }, command: Command) => {
      const { data, progress } = context(command);
      exit.code = await replayCommand(data, { out: options.out, limit: options.limit, json: options.json === true }, progress, io.stdout);
    });

  program
    .command('verify')
    .description("walk every stream's hash chain and, with --digest, check a digest kept from GET /api/audit/digest (exit 1 on a break or a mismatch)")
    .option('--digest <file>', 'a digest saved from GET /api/audit/digest')
    .option('--json', 'print the report as JSON')
    .action(async (options: { digest?: string; json?: boolean }, command: Command) => {
      const { data, progress } = context(command);
      exit.code = await verifyCommand(data, { digest: options.digest, json: options.json === true }, progress, io.stdout);
    });

  program
    .command('export-events')
    .description('write every event, as the feed publishes it, one JSON object per line (NDJSON), in global order, up to the head when it starts')
    .option('--out <file>', 'write to this file (through <file>.partial, renamed when complete) instead of stdout')
    .addOption(new Option('--from-position <position>', 'only events after this global position (exclusive)').argParser(parsePosition).default(0n, '0'))
    .option('--types <types>', 'only these event types, comma-separated (ItemPosted,InvoiceGenerated)', parseTypes)
    .option('--category <categories>', 'only streams of these categories, comma-separated (ledger,contract)', parseCategories)
    .action(async (options: { out?: string; fromPosition: bigint; types?: string[]; category?: string[] }, command: Command) => {
      const { data, progress } = context(command);
      const filter = { ...(options.types ? { types: options.types } : {}), ...(options.category ? { categories: options.category } : {}) };
      exit.code = await exportEventsCommand(data, { out: options.out, fromPosition: options.fromPosition, filter }, progress, io.stdout);
    });

  program
    .command('stats')
    .description('events, streams by category, events by type, head position, file sizes, projection positions and lag')
    .option('--json', 'print the figures as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { data, progress } = context(command);
      exit.code = await statsCommand(data, { json: options.json === true }, progress, io.stdout);
    });

  return program;
}

/** Runs the command line on `argv` (as process.argv) and answers its exit code; errors are one line on stderr. */
export async function runLedger(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const exit = { code: EXIT_OK };
  const program = ledgerProgram(exit, io);
  try {
    await program.parseAsync(argv);
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has written its message (or the help) already.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_OK : EXIT_CANNOT_RUN;
    }
    if (error instanceof CliError) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT_CANNOT_RUN;
    }
    // Not the operator's doing: the cause in one line, the stack with LEDGER_CLI_DEBUG=1.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`error: ${message}\n`);
    if (process.env.LEDGER_CLI_DEBUG === '1' && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return EXIT_CANNOT_RUN;
  }
}

if (require.main === module) {
  void runLedger(process.argv).then((code) => {
    // Exit once what was written has been handed to stdout and stderr (pipes are written asynchronously).
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
}
