import http from 'node:http';
import https from 'node:https';

/** What came of one attempt: acknowledged (a 2xx), or failed with the status or the error. */
export type AttemptOutcome = { acknowledged: true; statusCode: number } | { acknowledged: false; statusCode: number | null; error: string };

/** A receiver's answer is read and thrown away; past this many bytes the connection is dropped instead. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs deliveries over keep-alive connections of its own (closed with it), with one deadline for
 * the whole exchange. Redirects are not followed: a 3xx is a failure, like any answer but a 2xx.
 */
export class DeliveryClient {
  private readonly agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }) };

  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<AttemptOutcome> {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: AttemptOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(outcome);
      };
      const request = transport.request(
        target,
        {
          method: 'POST',
          agent: this.agents[target.protocol as 'http:' | 'https:'],
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          const statusCode = response.statusCode ?? 0;
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes > MAX_ANSWER_BYTES) response.destroy();
          });
          response.on('error', () => undefined);
          // The status is the answer: what follows it is only drained, so the connection can be used again.
          settle(statusCode >= 200 && statusCode < 300 ? { acknowledged: true, statusCode } : { acknowledged: false, statusCode, error: `HTTP ${statusCode}` });
        },
      );
      const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      request.on('error', (error) => settle({ acknowledged: false, statusCode: null, error: error.message || String(error) }));
      request.end(body);
    });
  }

  close(): void {
    for (const agent of Object.values(this.agents)) agent.destroy();
  }
}
