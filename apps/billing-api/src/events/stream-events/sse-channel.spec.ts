import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { FLUSH_CHARS, SseChannel } from './sse-channel';

/** A response whose client reads nothing: every write stays buffered. */
class StalledResponse extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  writableEnded = false;
  writes: number[] = [];
  constructor(private readonly highWaterMark: number) {
    super();
  }
  write(chunk: Buffer): boolean {
    this.writes.push(chunk.length);
    this.writableLength += chunk.length;
    return this.writableLength < this.highWaterMark;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  end(): void {
    this.writableEnded = true;
  }
}

const message = (chars: number) => `data: ${'x'.repeat(chars - 8)}\n\n`;

describe('SseChannel back-pressure', () => {
  it('cuts a client off at the write that would take its unsent bytes past the bound, never buffering past it', async () => {
    // given: a bound of 4 writes' worth, and a client that reads nothing
    const res = new StalledResponse(16 * 1024);
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: 4 * FLUSH_CHARS, drainWaitMs: 1 });
    // when: ten writes' worth is sent
    for (let i = 0; i < 10; i++) await channel.send(message(FLUSH_CHARS));
    // then: four were written (each waited for a drain that never came), the fifth cut the client off
    expect(res.writes).toEqual([FLUSH_CHARS, FLUSH_CHARS, FLUSH_CHARS, FLUSH_CHARS]);
    expect(channel.closeReason).toBe('cut off');
    expect(res.destroyed).toBe(true);
    expect(channel.peakBufferedBytes).toBe(4 * FLUSH_CHARS);
  });

  it('a message larger than the bound still goes to a client that holds nothing unsent (else it could never get past it)', async () => {
    const res = new StalledResponse(16 * 1024);
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: FLUSH_CHARS, drainWaitMs: 1 });
    await channel.send(message(3 * FLUSH_CHARS));
    expect(res.writes).toEqual([3 * FLUSH_CHARS]);
    expect(channel.closeReason).toBeUndefined();
    await channel.send(message(FLUSH_CHARS));
    expect(channel.closeReason).toBe('cut off');
  });

  it('gathers small messages into one write at the next turn of the event loop', async () => {
    const res = new StalledResponse(1024 * 1024);
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: 1024 * 1024, drainWaitMs: 1 });
    for (let i = 0; i < 5; i++) await channel.send(message(100));
    expect(res.writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(res.writes).toEqual([500]);
  });

  it('a client that goes away closes the channel once, with its reason', () => {
    const res = new StalledResponse(1024);
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: 1024, drainWaitMs: 1 });
    const reasons: string[] = [];
    channel.onClose((reason) => reasons.push(reason));
    res.emit('close');
    res.emit('close');
    expect(reasons).toEqual(['client gone']);
  });
});
