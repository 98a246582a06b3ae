import { randomUUID } from 'node:crypto';

export const SAMPLE_EVENT_TYPE = 'UsageLineRecorded';

/** What a sample event's data holds; readers of the benchmarks' stores parse it back. */
export interface SampleUsageLine {
  accountId: string;
  lineNo: number;
  quantity: number;
}

/**
 * The i-th event of the store and projection benchmarks: billing-sized (~450 bytes of JSON), the
 * same for the adapter and the bare runs. Plain data, so that these helpers import no library.
 */
export function sampleEvent(i: number): { id: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> } {
  return {
    id: randomUUID(),
    type: SAMPLE_EVENT_TYPE,
    data: {
      accountId: `acct-${i >> 6}`,
      subscriptionId: `sub-${i >> 3}`,
      lineNo: i,
      sku: 'M365-BUSINESS-PREMIUM',
      quantity: (i % 17) + 1,
      unitPrice: '18.90',
      currency: 'EUR',
      period: { from: '2025-06-01', to: '2025-06-30' },
    },
    metadata: {
      actor: 'key_7f3a9c',
      actorRole: 'operator',
      correlationId: `corr-${i}`,
      causationId: `cmd-${i}`,
      occurredAt: '2025-06-30T12:00:00.000Z',
    },
  };
}
