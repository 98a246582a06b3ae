import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, and the status it answered. */
export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
  eventId: string;
  status: number;
}

/** Decides the status of each request (in the order they come, from 0); may wait before answering. */
export type Responder = (request: Omit<ReceivedDelivery, 'status'>, index: number) => number | Promise<number>;

/** A real HTTP receiver on 127.0.0.1 (an ephemeral port) that records every delivery and answers as told. */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private requests = 0;

  private constructor(
    private readonly server: Server,
    public respond: Responder,
  ) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const delivery = { headers: request.headers, body, eventId: String(request.headers['ledger-event-id']) };
        const status = await this.respond(delivery, this.requests++);
        this.received.push({ ...delivery, status });
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      });
    });
  }

  static async start(respond: Responder = () => 200): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, respond);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/ledger-events`;
  }

  /** The deliveries it answered with a 2xx, in the order it answered them. */
  get acknowledged(): ReceivedDelivery[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300);
  }

  /** The event ids it acknowledged, each once, in the order it first acknowledged them (what a receiver that deduplicates keeps). */
  get deduplicated(): string[] {
    return [...new Set(this.acknowledged.map((r) => r.eventId))];
  }

  async waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received ${this.received.length} requests`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
