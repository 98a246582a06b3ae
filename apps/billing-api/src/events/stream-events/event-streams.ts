import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { KEY_STANDING_TTL_MS } from '../../auth/api-key-standing';
import type { AppConfig } from '../../config/app-config';
import { DEFAULT_SSE_HEARTBEAT_MS, DEFAULT_SSE_MAX_BUFFER_BYTES } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SseChannel, type SseCloseReason } from './sse-channel';
import { SSE_HEARTBEAT, sseMessage, sseRetry } from './sse-message';
import type { EventSubscription } from './stream-events.handler';

/** The reconnection delay an EventSource is told to use. */
export const SSE_RETRY_MS = 1000;

export interface EventStreamStats {
  /** Streams open now. */
  open: number;
  /** Streams cut off for not reading, since the start. */
  cutOff: number;
  /** The most any stream's response held unsent, in bytes. */
  peakBufferedBytes: number;
}

/** Whether the caller of a stream may still read it. */
export type StillAllowed = () => Promise<boolean>;

/**
 * Serves Server-Sent Events answers and keeps count of them: heartbeats, back-pressure (SseChannel),
 * the caller's key checked about once a second, and every open stream ended when the service
 * shuts down (before the HTTP server closes, which would otherwise wait for them for ever).
 */
@Injectable()
export class EventStreams implements OnModuleDestroy {
  private readonly logger = new Logger('EventFeed');
  private readonly channels = new Set<SseChannel>();
  private cutOff = 0;
  private peakBufferedBytes = 0;
  private readonly heartbeatMs: number;
  private readonly maxBufferedBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.heartbeatMs = config.sseHeartbeatMs ?? DEFAULT_SSE_HEARTBEAT_MS;
    this.maxBufferedBytes = config.sseMaxBufferedBytes ?? DEFAULT_SSE_MAX_BUFFER_BYTES;
  }

  stats(): EventStreamStats {
    const peak = Math.max(this.peakBufferedBytes, ...[...this.channels].map((channel) => channel.peakBufferedBytes));
    return { open: this.channels.size, cutOff: this.cutOff, peakBufferedBytes: peak };
  }

  /** Answers `events` as Server-Sent Events until the client goes away, is cut off, or the service stops. */
  async serve(res: Response, events: EventSubscription, stillAllowed: StillAllowed): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no'); // nginx: pass each event on at once
    res.flushHeaders();
    // A stalled client's socket is given one heartbeat interval to drain before it is written to regardless.
    const channel = new SseChannel(res, { maxBufferedBytes: this.maxBufferedBytes, drainWaitMs: this.heartbeatMs });
    this.channels.add(channel);
    channel.onClose(() => void events.close());
    const heartbeat = setInterval(() => channel.comment(SSE_HEARTBEAT), this.heartbeatMs);
    const standing = setInterval(() => {
      stillAllowed().then(
        (allowed) => allowed || void channel.end('key revoked'),
        () => undefined, // the store is closing: shutdown ends the stream
      );
    }, KEY_STANDING_TTL_MS);
    let sent = 0;
    try {
      await channel.send(sseRetry(SSE_RETRY_MS));
      for await (const event of events) {
        await channel.send(sseMessage(event));
        sent++;
      }
      await channel.end('store closed');
    } catch (error) {
      this.logger.error({ msg: 'event stream failed', error: error instanceof Error ? error.message : String(error) });
      await channel.end('failed');
    } finally {
      clearInterval(heartbeat);
      clearInterval(standing);
      await events.close();
      this.channels.delete(channel);
      this.closed(channel, sent);
    }
  }

  private closed(channel: SseChannel, sent: number): void {
    const reason: SseCloseReason = channel.closeReason ?? 'client gone';
    if (reason === 'cut off') this.cutOff++;
    this.peakBufferedBytes = Math.max(this.peakBufferedBytes, channel.peakBufferedBytes);
    this.logger.log({ msg: 'event stream closed', reason, events: sent, peakBufferedBytes: channel.peakBufferedBytes });
  }

  /** Ends every open stream (what is queued is still written); clients reconnect, to this instance or another. */
  async endAll(): Promise<void> {
    await Promise.all([...this.channels].map((channel) => channel.end('shutdown')));
  }

  async onModuleDestroy(): Promise<void> {
    await this.endAll();
  }
}
