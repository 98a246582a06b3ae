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
  it('cuts off a client whose full socket has not drained within drainWaitMs, without writing to it again', async () => {
    // given: a client that reads nothing
    const res = new StalledResponse(16 * 1024);
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: 4 * FLUSH_CHARS, drainWaitMs: 1 });
    // when: ten writes' worth is sent
    for (let i = 0; i < 10; i++) await channel.send(message(FLUSH_CHARS));
    // then: the first filled its socket and waited for a drain that never came; nothing more was written
    expect(res.writes).toEqual([FLUSH_CHARS]);
    expect(channel.closeReason).toBe('cut off');
    expect(res.destroyed).toBe(true);
  });

  it('a client that drains in time is paced, not cut off', async () => {
    // given: a client that takes each write a moment after it is made
    const res = new StalledResponse(16 * 1024);
    const write = res.write.bind(res);
    res.write = (chunk: Buffer) => {
      const taken = write(chunk);
      setTimeout(() => ((res.writableLength = 0), res.emit('drain')), 5);
      return taken;
    };
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: 2 * FLUSH_CHARS, drainWaitMs: 1000 });
    // when
    for (let i = 0; i < 5; i++) await channel.send(message(FLUSH_CHARS));
    // then
    expect(res.writes).toEqual([FLUSH_CHARS, FLUSH_CHARS, FLUSH_CHARS, FLUSH_CHARS, FLUSH_CHARS]);
    expect(channel.closeReason).toBeUndefined();
  });

  it('cuts a client off at the write that would take its unsent bytes past the bound, never buffering past it', async () => {
    // given: a bound of 2 writes' worth, a client that reads nothing, and live messages (written at the next turn, unpaced)
    const res = new StalledResponse(16 * 1024);
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: 2 * FLUSH_CHARS, drainWaitMs: 60_000 });
    // when: ten half-writes' worth, a turn of the event loop after each
    for (let i = 0; i < 10; i++) {
      await channel.send(message(FLUSH_CHARS / 2));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // then: four were written, the fifth cut the client off
    expect(res.writes).toEqual([FLUSH_CHARS / 2, FLUSH_CHARS / 2, FLUSH_CHARS / 2, FLUSH_CHARS / 2]);
    expect(channel.closeReason).toBe('cut off');
    expect(res.destroyed).toBe(true);
    expect(channel.peakBufferedBytes).toBe(2 * FLUSH_CHARS);
  });

  it('a message larger than the bound still goes to a client that holds nothing unsent (else it could never get past it)', async () => {
    const res = new StalledResponse(16 * 1024);
    const channel = new SseChannel(res as unknown as ServerResponse, { maxBufferedBytes: FLUSH_CHARS, drainWaitMs: 60_000 });
    void channel.send(message(3 * FLUSH_CHARS));
    expect(res.writes).toEqual([3 * FLUSH_CHARS]);
    expect(channel.closeReason).toBeUndefined();
    res.writableLength = 0;
    res.emit('drain');
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.closeReason).toBeUndefined();
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
