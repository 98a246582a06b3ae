import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class RotateApiKeyCommand {
  constructor(
    readonly apiKeyId: string,
    /** The new key itself; only its hash is stored. */
    readonly key: string,
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {}
}
