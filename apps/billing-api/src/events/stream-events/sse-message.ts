import type { PublishedEvent } from '../published-event';

/**
 * One Server-Sent Events message per event: `id` the global position (what `Last-Event-ID`
 * resumes from), `event` the type, `data` the published event as one line of JSON (JSON text
 * escapes its line breaks, and SSE ends a field at CR or LF only).
 */
export function sseMessage(event: PublishedEvent): string {
  return `id: ${event.position}\nevent: ${event.type.replace(/[\r\n]/g, ' ')}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** A comment line: clients ignore it; it keeps proxies from closing an idle stream and shows the client the line is alive. */
export const SSE_HEARTBEAT = ': heartbeat\n\n';

/** How long an EventSource waits before it reconnects (after a cut-off or a restart). */
export const sseRetry = (ms: number) => `retry: ${ms}\n\n`;
