import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class RevokeApiKeyCommand {
  constructor(
    readonly apiKeyId: string,
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {}
}
