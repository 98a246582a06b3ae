import { SseParser, type SseMessage } from '../../../../../test/support/sse-client';
import type { PublishedEvent } from '../published-event';
import { SSE_HEARTBEAT, sseMessage, sseRetry } from './sse-message';

const event = (overrides: Partial<PublishedEvent> = {}): PublishedEvent => ({
  id: 'e1',
  type: 'ItemPosted',
  schemaVersion: 2,
  streamId: 'ledger-acme',
  category: 'ledger',
  revision: '3',
  position: '42',
  recordedAt: '2026-11-20T10:00:00.000Z',
  data: { note: 'line one\nline two\r\nthree\u2028four' },
  metadata: { actor: 'k1' },
  ...overrides,
});

describe('Server-Sent Events messages', () => {
  it('writes id (the position), event (the type) and data (the event as one line of JSON), ended by a blank line', () => {
    const text = sseMessage(event());
    expect(text).toBe(`id: 42\nevent: ItemPosted\ndata: ${JSON.stringify(event())}\n\n`);
    expect(text.split('\n')).toHaveLength(5);
  });

  it('reads back, as an EventSource parses it, the very event that was written, line breaks in the data included', () => {
    // given
    const messages: SseMessage[] = [];
    const comments: string[] = [];
    const parser = new SseParser(
      (m) => messages.push(m),
      (c) => comments.push(c),
    );
    const text = sseRetry(1000) + sseMessage(event()) + SSE_HEARTBEAT + sseMessage(event({ position: '43', type: 'Odd\r\nType' }));
    // when: in pieces cut anywhere, a CRLF included
    for (let i = 0; i < text.length; i += 7) parser.push(text.slice(i, i + 7));
    // then
    expect(messages.map((m) => [m.id, m.event])).toEqual([
      ['42', 'ItemPosted'],
      ['43', 'Odd  Type'],
    ]);
    expect(JSON.parse(messages[0].data)).toEqual(event());
    expect(comments).toEqual(['heartbeat']);
  });
});
