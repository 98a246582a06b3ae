import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { matchesFeedFilter, type FeedFilter } from '../../events/feed-filter';
import { publishedEvent } from '../../events/published-event';
import { CliError, EXIT_OK } from '../cli-error';
import { openLedgerStore, type LedgerData } from '../ledger-data';
import { startProgress, type ProgressOptions } from '../progress';

export interface ExportOptions {
  /** Write here (through `<file>.partial`, renamed when complete) instead of stdout. */
  out?: string;
  /** Exclusive, as the feed's `fromPosition`. */
  fromPosition: bigint;
  filter: FeedFilter;
}

/** Bytes of lines gathered before one write. */
const CHUNK_BYTES = 256 * 1024;

/**
 * `ledger export-events`: every event after `fromPosition` up to the store's head when the export
 * starts, in global order, one `PublishedEvent` (upcast to its current schema) per line. The
 * store is read page by page and the output waits for its reader (back-pressure), so memory stays
 * flat whatever the store's size.
 */
export async function exportEventsCommand(data: LedgerData, options: ExportOptions, progress: ProgressOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const file = options.out === undefined ? undefined : resolve(options.out);
  if (file !== undefined && !existsSync(dirname(file))) throw new CliError(`--out ${file}: the folder ${dirname(file)} does not exist`);
  const store = await openLedgerStore(data);
  const partial = file === undefined ? undefined : `${file}.partial`;
  const out: NodeJS.WritableStream & { closed?: boolean } = partial === undefined ? stdout : createWriteStream(partial);
  let readerGone = false;
  let writeFailed: Error | undefined;
  out.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`… | head`) is not a failure of the export.
    if (error.code === 'EPIPE') readerGone = true;
    else writeFailed ??= error;
  });
  let complete = false;
  try {
    const head = await store.headPosition();
    const bar = startProgress('export-events', options.fromPosition, head, progress);
    let chunk = '';
    let read = 0;
    const flush = async () => {
      if (writeFailed) throw new CliError(`cannot write the export: ${writeFailed.message}`);
      if (chunk === '' || readerGone) return;
      const room = out.write(chunk);
      chunk = '';
      if (!room)
        await new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done).off('close', done).off('error', done);
            resolve();
          };
          out.on('drain', done).on('close', done).on('error', done);
        });
    };
    if (head > options.fromPosition) {
      for await (const recorded of store.readAll({ fromPosition: options.fromPosition })) {
        if (recorded.position > head || readerGone) break;
        read += 1;
        if (matchesFeedFilter(options.filter, recorded)) chunk += `${JSON.stringify(publishedEvent(recorded))}\n`;
        if (chunk.length >= CHUNK_BYTES) await flush();
        if (read % 1000 === 0) bar.update(recorded.position, read);
        if (recorded.position === head) break;
      }
    }
    await flush();
    if (writeFailed) throw new CliError(`cannot write the export: ${writeFailed.message}`);
    bar.update(head, read);
    bar.done();
    complete = !readerGone;
    return EXIT_OK;
  } finally {
    await store.close();
    if (out !== stdout) {
      const closed = out.closed ? Promise.resolve() : once(out, 'close').catch(() => undefined);
      out.end();
      await closed;
      if (complete) renameSync(partial!, file!);
      else rmSync(partial!, { force: true });
    }
  }
}
