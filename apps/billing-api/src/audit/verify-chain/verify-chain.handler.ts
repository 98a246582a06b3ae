import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, verifyChains, type EventStore } from '@billing/event-store';
import { chainReportAnswer, type ChainReportAnswer } from '../tamper-evidence-answers';
import { VerifyChainQuery } from './verify-chain.query';

@QueryHandler(VerifyChainQuery)
export class VerifyChainHandler implements IQueryHandler<VerifyChainQuery, ChainReportAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<ChainReportAnswer> {
    return chainReportAnswer(await verifyChains(this.store));
  }
}
