import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BILLING_SETTINGS_STREAM, billingSettingsDecider, type BillingSettings } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { GetSettingsQuery } from './get-settings.query';

/** The settings as their stream says (no read model keeps them). */
@QueryHandler(GetSettingsQuery)
export class GetSettingsHandler implements IQueryHandler<GetSettingsQuery, BillingSettings> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute(): Promise<BillingSettings> {
    return (await this.streams.load(BILLING_SETTINGS_STREAM, billingSettingsDecider)).state;
  }
}
