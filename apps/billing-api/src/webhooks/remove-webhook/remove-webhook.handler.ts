import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStream } from '@billing/domain';
import type { CommandResult } from '../../infrastructure/command-result';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { RemoveWebhookCommand } from './remove-webhook.command';

@CommandHandler(RemoveWebhookCommand)
export class RemoveWebhookHandler implements ICommandHandler<RemoveWebhookCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async execute({ webhookId, reason, metadata }: RemoveWebhookCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      webhookStream(webhookId),
      webhookDecider,
      { type: 'RemoveWebhook', webhookId, reason },
      reason === null ? metadata : { ...metadata, reason },
    );
    if (events.length > 0) this.dispatcher.refresh(webhookId);
    return { wrote: events.length > 0, position };
  }
}
