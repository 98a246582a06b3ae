import type { ServerResponse } from 'node:http';

/** Messages are gathered into writes of about this many characters while a backlog is caught up. */
export const FLUSH_CHARS = 64 * 1024;
/** How long an ended stream (shutdown, revoked key) may take to hand over what it holds before it is cut. */
export const END_GRACE_MS = 1000;

export interface SseChannelOptions {
  /** Bytes the response may hold for a client that does not read; the write that would pass it cuts the client off. */
  maxBufferedBytes: number;
  /** How long a write waits for a full socket to drain; a client that has not taken it by then is cut off. */
  drainWaitMs: number;
}

export type SseCloseReason = 'client gone' | 'cut off' | 'shutdown' | 'key revoked' | 'store closed' | 'failed';

/**
 * The writing side of one Server-Sent Events answer, with back-pressure. Messages wait in one
 * string until FLUSH_CHARS have gathered (the caller then awaits the write: while the socket is
 * full it stops reading events, up to `drainWaitMs`) or until the next turn of the event loop (a
 * live event). A client that stops reading is cut off (the connection destroyed, and what it held
 * freed) when its full socket has not drained for `drainWaitMs`, or sooner by the write that would
 * take the response's buffer past `maxBufferedBytes`. It resumes from the last id it received.
 */
export class SseChannel {
  private pending = '';
  private flushSoon?: NodeJS.Immediate;
  private reason?: SseCloseReason;
  private readonly closeListeners: ((reason: SseCloseReason) => void)[] = [];
  /** The most the response held unsent, in bytes (for tests and the benchmark). */
  peakBufferedBytes = 0;

  constructor(
    private readonly res: ServerResponse,
    private readonly options: SseChannelOptions,
  ) {
    res.on('close', () => this.closed('client gone'));
  }

  get closeReason(): SseCloseReason | undefined {
    return this.reason;
  }

  /** Calls `listener` once, when the answer ends for whatever reason. */
  onClose(listener: (reason: SseCloseReason) => void): void {
    if (this.reason) listener(this.reason);
    else this.closeListeners.push(listener);
  }

  /** Queues a message. Awaiting it paces the caller to the client once a write's worth has gathered. */
  async send(message: string): Promise<void> {
    if (this.reason) return;
    this.pending += message;
    if (this.pending.length >= FLUSH_CHARS) await this.flush(true);
    else this.flushSoon ??= setImmediate(() => void this.flush(false));
  }

  /** Writes a comment (a heartbeat) now, behind what is queued. */
  comment(text: string): void {
    if (this.reason) return;
    this.pending += text;
    void this.flush(false);
  }

  /** Ends the answer: what is queued is written, and a client that does not take it within END_GRACE_MS is cut. */
  end(reason: SseCloseReason): Promise<void> {
    if (this.reason) return Promise.resolve();
    void this.flush(false);
    this.closed(reason);
    return new Promise<void>((done) => {
      const cut = setTimeout(() => this.res.destroy(), END_GRACE_MS);
      this.res.once('close', () => {
        clearTimeout(cut);
        done();
      });
      this.res.end();
      if (this.res.destroyed) done();
    });
  }

  private async flush(pace: boolean): Promise<void> {
    if (this.flushSoon) clearImmediate(this.flushSoon);
    this.flushSoon = undefined;
    if (!this.pending || this.res.destroyed || this.res.writableEnded) return;
    const chunk = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    const buffered = this.res.writableLength;
    // A client that keeps nothing waiting always gets the next write, however large its event.
    if (buffered > 0 && buffered + chunk.length > this.options.maxBufferedBytes) {
      this.closed('cut off');
      this.res.destroy();
      return;
    }
    const taken = this.res.write(chunk);
    this.peakBufferedBytes = Math.max(this.peakBufferedBytes, this.res.writableLength);
    // A client whose full socket has not drained for `drainWaitMs` has stalled: it is cut off then,
    // rather than written to again and again until the bound (which took minutes).
    if (!taken && pace && !(await this.drained()) && !this.reason) {
      this.closed('cut off');
      this.res.destroy();
    }
  }

  /** Resolves true on 'drain' or close, false after `drainWaitMs` without either. */
  private drained(): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (drained: boolean) => {
        clearTimeout(timer);
        this.res.off('drain', onDrain);
        this.res.off('close', onDrain);
        resolve(drained);
      };
      const onDrain = () => done(true);
      const timer = setTimeout(() => done(false), this.options.drainWaitMs);
      this.res.once('drain', onDrain);
      this.res.once('close', onDrain);
    });
  }

  private closed(reason: SseCloseReason): void {
    if (this.reason) return;
    this.reason = reason;
    if (this.flushSoon) clearImmediate(this.flushSoon);
    this.flushSoon = undefined;
    for (const listener of this.closeListeners.splice(0)) listener(reason);
  }
}
