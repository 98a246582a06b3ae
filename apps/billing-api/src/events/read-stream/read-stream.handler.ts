import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import type { StreamPage } from '../feed-answers';
import { publishedEvent, type PublishedEvent } from '../published-event';
import { ReadStreamQuery } from './read-stream.query';

/**
 * The names the ledger gives its streams (`ledger-acme`, `timesheet-ann_2026-11-16`): a category,
 * `-`, an id. Anything else names no stream of ours (EventStoreDB's own `$…` streams included).
 */
export const STREAM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,299}$/;

@QueryHandler(ReadStreamQuery)
export class ReadStreamHandler implements IQueryHandler<ReadStreamQuery, StreamPage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamId, fromRevision, limit }: ReadStreamQuery): Promise<StreamPage> {
    if (!STREAM_ID_PATTERN.test(streamId)) throw new NotFound('stream', streamId.slice(0, 300));
    const events: PublishedEvent[] = [];
    for await (const recorded of this.store.readStream(streamId, { fromRevision, maxCount: limit })) events.push(publishedEvent(recorded));
    let head: bigint | undefined;
    for await (const last of this.store.readStream(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })) head = last.revision;
    if (head === undefined) throw new NotFound('stream', streamId);
    const next = events.length ? BigInt(events[events.length - 1].revision) + 1n : fromRevision;
    return { streamId, events, nextRevision: next.toString(), headRevision: head.toString() };
  }
}
