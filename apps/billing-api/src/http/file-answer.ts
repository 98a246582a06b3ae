import type { Writable } from 'node:stream';
import type { Response } from 'express';

/** A file an endpoint answers (an export), produced while it is written. */
export interface FileAnswer {
  contentType: string;
  /** Letters, digits, `.`, `_` and `-` (anything else is written as `-`). */
  filename: string;
  /** `attachment`: to save; `inline`: to show (a printable page). */
  disposition: 'attachment' | 'inline';
  /** The body in pieces, each made only when the one before has been taken. */
  body: Iterable<string>;
  /** Frees what the body reads from: called once, when the body is written or the answer has stopped. */
  close(): void;
  headers?: Readonly<Record<string, string>>;
}

/** Pieces are gathered into chunks of about this many characters before each write. */
export const CHUNK_CHARS = 64 * 1024;

export interface ChunkedWrite {
  /** Writes made. */
  chunks: number;
  /** Times a write found the socket's buffer full and waited for it to drain. */
  waits: number;
  /** False when the client went away before the end. */
  completed: boolean;
}

/** Resolves true when `out` has drained, false when it closed (the client went away) first. */
function drained(out: Writable): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onClose);
      resolve(ok);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onClose);
  });
}

/**
 * Writes the pieces in chunks of about `chunkChars`, never more than one chunk ahead of the client:
 * when a write finds the socket's buffer full (`write` answers false) it waits for 'drain' before
 * taking the next piece, so a body of any length is never held in memory, only the chunk being
 * gathered and what the socket buffers. Stops taking pieces (and ends nothing) when the client goes
 * away. Leaving the loop early runs the body's `return`, which lets a SQLite iterator go.
 */
export async function writeInChunks(out: Writable, pieces: Iterable<string>, chunkChars = CHUNK_CHARS): Promise<ChunkedWrite> {
  const report: ChunkedWrite = { chunks: 0, waits: 0, completed: false };
  const gone = () => out.destroyed || out.writableEnded;
  const write = async (chunk: string): Promise<boolean> => {
    if (gone()) return false;
    report.chunks += 1;
    if (out.write(chunk)) return true;
    report.waits += 1;
    return drained(out);
  };
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= chunkChars) {
      if (!(await write(chunk))) return report;
      chunk = '';
    }
  }
  if (chunk && !(await write(chunk))) return report;
  if (gone()) return report;
  out.end();
  report.completed = true;
  return report;
}

const safeFilename = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '-');

/**
 * Answers `200` with the file, streamed (`writeInChunks`). A failure before the first byte leaves
 * the answer to the exception filter (its headers taken back); after it, the connection is cut, so
 * that a client never takes a truncated file for a whole one.
 */
export async function sendFile(res: Response, file: FileAnswer): Promise<ChunkedWrite> {
  try {
    return await sendPieces(res, 200, file.body, {
      'Content-Type': file.contentType,
      'Content-Disposition': `${file.disposition}; filename="${safeFilename(file.filename)}"`,
      'X-Content-Type-Options': 'nosniff',
      ...file.headers,
    });
  } finally {
    file.close();
  }
}

/** Answers `status` with a JSON body too large to hold whole, streamed as `sendFile` streams a file. */
export function sendJsonPieces(res: Response, status: number, body: Iterable<string>): Promise<ChunkedWrite> {
  return sendPieces(res, status, body, { 'Content-Type': 'application/json; charset=utf-8' });
}

async function sendPieces(res: Response, status: number, body: Iterable<string>, headers: Readonly<Record<string, string>>): Promise<ChunkedWrite> {
  try {
    res.status(status);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return await writeInChunks(res, body);
  } catch (error) {
    if (res.headersSent) res.destroy();
    else for (const name of Object.keys(headers)) res.removeHeader(name);
    throw error;
  }
}
