import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class RemoveWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly reason: string | null,
    readonly metadata: CommandMetadata,
  ) {}
}
