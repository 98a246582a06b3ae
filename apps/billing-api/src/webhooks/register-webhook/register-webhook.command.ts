import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class RegisterWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly url: string,
    readonly types: readonly string[],
    /** The signing secret in plain text; only its sealed form and fingerprint are stored. */
    readonly secret: string,
    /** The server made the secret (the client sent none). */
    readonly secretGenerated: boolean,
    readonly metadata: CommandMetadata,
  ) {}
}
