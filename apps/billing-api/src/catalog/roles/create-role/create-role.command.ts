import type { RoleTerms } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class CreateRoleCommand {
  constructor(
    readonly terms: RoleTerms,
    readonly metadata: CommandMetadata,
  ) {}
}
