import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStream } from '@billing/domain';
import type { CommandResult } from '../../infrastructure/command-result';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { WebhookSecrets } from '../delivery/webhook-secrets';
import { RegisterWebhookCommand } from './register-webhook.command';

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, CommandResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly secrets: WebhookSecrets,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async execute(command: RegisterWebhookCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      webhookStream(command.webhookId),
      webhookDecider,
      {
        type: 'RegisterWebhook',
        webhookId: command.webhookId,
        url: command.url,
        types: [...command.types],
        sealedSecret: this.secrets.seal(command.secret),
        secretFingerprint: this.secrets.fingerprint(command.secret),
        secretGenerated: command.secretGenerated,
      },
      command.metadata,
    );
    if (events.length > 0) this.dispatcher.refresh(command.webhookId);
    return { wrote: events.length > 0, position };
  }
}
