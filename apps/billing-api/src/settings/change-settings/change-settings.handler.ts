import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BILLING_SETTINGS_STREAM, billingSettingsDecider, type BillingSettings } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ChangeSettingsCommand } from './change-settings.command';

/** No read model keeps the settings: the answer is the settings as this decision left their stream. */
@CommandHandler(ChangeSettingsCommand)
export class ChangeSettingsHandler implements ICommandHandler<ChangeSettingsCommand, BillingSettings> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ changes, metadata }: ChangeSettingsCommand): Promise<BillingSettings> {
    return (await this.streams.decide(BILLING_SETTINGS_STREAM, billingSettingsDecider, { type: 'ChangeBillingSettings', changes }, metadata)).state;
  }
}
