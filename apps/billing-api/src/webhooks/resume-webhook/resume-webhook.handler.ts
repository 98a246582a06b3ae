import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStream } from '@billing/domain';
import type { CommandResult } from '../../infrastructure/command-result';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { ResumeWebhookCommand } from './resume-webhook.command';

@CommandHandler(ResumeWebhookCommand)
export class ResumeWebhookHandler implements ICommandHandler<ResumeWebhookCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async execute({ webhookId, metadata }: ResumeWebhookCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(webhookStream(webhookId), webhookDecider, { type: 'ResumeWebhook', webhookId }, metadata);
    if (events.length > 0) this.dispatcher.refresh(webhookId);
    return { wrote: events.length > 0, position };
  }
}
