import type { AccountTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class CreateAccountCommand {
  constructor(
    readonly terms: AccountTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
