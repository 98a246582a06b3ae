import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class ResumeWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly metadata: CommandMetadata,
  ) {}
}
