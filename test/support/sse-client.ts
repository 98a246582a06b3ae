import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

/** One Server-Sent Events message as a client dispatches it (a block ended by a blank line, with data). */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/**
 * An SSE parser as the WHATWG EventSource spec reads a stream: lines end at CR, LF or CRLF; a
 * blank line dispatches the block; `:` starts a comment; a block cut off by the end of the stream
 * is never dispatched.
 */
export class SseParser {
  private rest = '';
  private block: { id?: string; event?: string; data: string[] } = { data: [] };

  constructor(
    private readonly onMessage: (message: SseMessage) => void,
    private readonly onComment: (text: string) => void = () => undefined,
  ) {}

  push(text: string): void {
    const lines = (this.rest + text).split(/\r\n|\r|\n/);
    // A CR at the very end may be the first half of a CRLF: keep it with the unfinished line.
    this.rest = lines.pop()!;
    for (const line of lines) this.line(line);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.block.data.length) this.onMessage({ id: this.block.id, event: this.block.event, data: this.block.data.join('\n') });
      this.block = { data: [] };
      return;
    }
    if (line.startsWith(':')) return this.onComment(line.slice(1).trim());
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.block.data.push(value);
    else if (field === 'id') this.block.id = value;
    else if (field === 'event') this.block.event = value;
  }
}

export interface SseConnection {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every message received so far, in order. */
  messages: SseMessage[];
  comments: string[];
  /** The body of an answer that is not an event stream (an error), once it has ended. */
  body(): Promise<string>;
  /** Resolves when the connection has ended, however (closed by either side, or cut off). */
  ended: Promise<void>;
  /** Resolves once `count` messages have arrived; rejects if the stream ends first or after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<SseMessage[]>;
  /** Resolves once `count` comments have arrived (rejects after `timeoutMs`). */
  waitForComments(count: number, timeoutMs?: number): Promise<string[]>;
  /** Stops reading: the server's writes pile up in the socket and then in its own buffer. */
  pause(): void;
  resume(): void;
  /** Goes away (destroys the socket). */
  close(): void;
  response: IncomingMessage;
}

/** Opens `path` on 127.0.0.1:`port` and resolves once the answer's headers have arrived. */
export function openSse(port: number, path: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      const notify = () => waiters.forEach((check) => check());
      const parser = new SseParser(
        (message) => {
          messages.push(message);
          notify();
        },
        (text) => {
          comments.push(text);
          notify();
        },
      );
      let text = '';
      let done = false;
      const isStream = String(res.headers['content-type']).startsWith('text/event-stream');
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (isStream ? parser.push(chunk) : (text += chunk)));
      const ended = new Promise<void>((finished) => {
        const finish = () => {
          done = true;
          notify();
          finished();
        };
        res.once('close', finish);
        res.once('error', finish);
      });
      // A cut-off connection ends with an error (the chunked body never finished): `ended` reports it.
      res.on('error', () => undefined);
      const waitFor = <T>(ready: () => T | undefined, what: string, timeoutMs: number) =>
        new Promise<T>((settle, fail) => {
          const timer = setTimeout(() => {
            waiters.delete(check);
            fail(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
          }, timeoutMs);
          const check = () => {
            const value = ready();
            if (value === undefined && !done) return;
            clearTimeout(timer);
            waiters.delete(check);
            if (value === undefined) fail(new Error(`the stream ended before ${what}`));
            else settle(value);
          };
          waiters.add(check);
          check();
        });
      resolve({
        status: res.statusCode!,
        headers: res.headers,
        messages,
        comments,
        ended,
        response: res,
        body: async () => {
          await ended;
          return text;
        },
        waitForMessages: (count, timeoutMs = 10_000) =>
          waitFor(() => (messages.length >= count ? messages.slice(0, count) : undefined), `${count} messages (got ${messages.length})`, timeoutMs),
        waitForComments: (count, timeoutMs = 10_000) =>
          waitFor(() => (comments.length >= count ? comments.slice(0, count) : undefined), `${count} comments`, timeoutMs),
        pause: () => res.pause(),
        resume: () => res.resume(),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
