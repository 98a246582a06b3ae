import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BILLING_SETTINGS_STREAM, billingSettingsDecider } from '@billing/domain';
import type { CommandResult } from '../../infrastructure/command-result';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ChangeSettingsCommand } from './change-settings.command';

@CommandHandler(ChangeSettingsCommand)
export class ChangeSettingsHandler implements ICommandHandler<ChangeSettingsCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ changes, metadata }: ChangeSettingsCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      BILLING_SETTINGS_STREAM,
      billingSettingsDecider,
      { type: 'ChangeBillingSettings', changes },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
