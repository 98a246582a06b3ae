import { Writable } from 'node:stream';
import type { Response } from 'express';
import { sendJsonPieces, writeInChunks } from './file-answer';

/** A client that reads only when told to: its buffer holds `highWaterMark` characters. */
function slowClient(highWaterMark: number) {
  const received: string[] = [];
  const pending: (() => void)[] = [];
  const out = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      received.push(chunk);
      pending.push(done);
    },
  });
  return {
    out,
    received,
    /** The client reads everything written so far. */
    read: () => pending.splice(0).forEach((done) => done()),
  };
}

/** Pieces of 10 characters, counting how many were taken. */
function counted(total: number) {
  const taken = { count: 0 };
  function* pieces() {
    for (let i = 0; i < total; i++) {
      taken.count += 1;
      yield `${String(i).padStart(9, '0')}\n`;
    }
  }
  return { pieces: pieces(), taken };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('writing a body in chunks with back-pressure', () => {
  it('gathers pieces into chunks and takes no piece while the client has not drained what it was sent', async () => {
    // given: 1,000 pieces of 10 characters, chunks of 100, a client that buffers 150 characters and does not read
    const client = slowClient(150);
    const { pieces, taken } = counted(1000);
    // when
    const writing = writeInChunks(client.out, pieces, 100);
    await tick();
    // then: two chunks written (the second filled the client's buffer), and only the pieces of those two taken
    expect(client.out.writableLength).toBe(200);
    expect(taken.count).toBe(20);
    // when: the client reads, again and again
    while (taken.count < 1000 || client.received.length < 100) {
      client.read();
      await tick();
    }
    client.read();
    const report = await writing;
    // then: everything arrives, in order, in 100 chunks, and the writer waited for the client
    expect(client.received.join('')).toBe(Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(9, '0')}\n`).join(''));
    expect(report).toMatchObject({ chunks: 100, completed: true });
    expect(report.waits).toBeGreaterThan(10);
  });

  it('stops taking pieces when the client goes away, and lets the source go', async () => {
    // given
    const client = slowClient(50);
    let returned = false;
    function* pieces() {
      try {
        for (let i = 0; ; i++) yield 'x'.repeat(10);
      } finally {
        returned = true;
      }
    }
    // when: the client goes away while the writer waits for it
    const writing = writeInChunks(client.out, pieces(), 100);
    await tick();
    client.out.destroy();
    const report = await writing;
    // then
    expect(report.completed).toBe(false);
    expect(report.chunks).toBe(1);
    expect(returned).toBe(true);
  });

  it('a short body is one chunk, and the answer is ended', async () => {
    const client = slowClient(1000);
    const ended = new Promise((resolve) => client.out.on('finish', resolve));
    const writing = writeInChunks(client.out, ['a', 'b', 'c'], 100);
    await tick();
    client.read();
    expect(await writing).toEqual({ chunks: 1, waits: 0, completed: true });
    await ended;
    expect(client.received).toEqual(['abc']);
  });
});

/** Just enough of Express's Response for `sendJsonPieces`: a writable that counts as sent once written to. */
function fakeResponse() {
  const headers = new Map<string, string>();
  const received: string[] = [];
  const out = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      received.push(chunk);
      done();
    },
  });
  let status = 0;
  Object.assign(out, {
    status: (code: number) => ((status = code), out),
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  });
  Object.defineProperty(out, 'headersSent', { get: () => received.length > 0 });
  return { res: out as unknown as Response, out, headers, received, status: () => status };
}

describe('answering JSON in pieces', () => {
  it('answers the status and JSON content type with the pieces joined', async () => {
    // given
    const client = fakeResponse();
    // when
    const written = await sendJsonPieces(client.res, 201, ['{"id":"run-1","invoices":[', '{"n":1}', ',{"n":2}', ']}']);
    // then
    expect(written.completed).toBe(true);
    expect(client.status()).toBe(201);
    expect(client.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(client.received.join(''))).toEqual({ id: 'run-1', invoices: [{ n: 1 }, { n: 2 }] });
  });

  it('a failure before the first byte is left to the exception filter, with the headers taken back', async () => {
    // given: pieces that fail at once
    const client = fakeResponse();
    const failing: Iterable<string> = {
      [Symbol.iterator]: () => ({
        next: () => {
          throw new Error('read model gone');
        },
      }),
    };
    // when / then
    await expect(sendJsonPieces(client.res, 201, failing)).rejects.toThrow('read model gone');
    expect(client.headers.size).toBe(0);
    expect(client.out.destroyed).toBe(false);
  });

  it('a failure after the first chunk cuts the connection, so no client takes a cut answer for a whole one', async () => {
    // given: a first piece larger than a chunk, then a failure
    const client = fakeResponse();
    function* failingLate(): Generator<string> {
      yield `{"pad":"${'x'.repeat(70_000)}"`;
      throw new Error('read model gone');
    }
    // when / then
    await expect(sendJsonPieces(client.res, 201, failingLate())).rejects.toThrow('read model gone');
    expect(client.received).toHaveLength(1);
    expect(client.out.destroyed).toBe(true);
  });
});
