import type { ActorRole } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class IssueApiKeyCommand {
  constructor(
    readonly apiKeyId: string,
    readonly name: string,
    readonly role: ActorRole,
    readonly resourceId: string | null,
    /** The key itself; only its hash is stored. */
    readonly key: string,
    readonly bootstrap: boolean,
    readonly metadata: CommandMetadata,
  ) {}
}
