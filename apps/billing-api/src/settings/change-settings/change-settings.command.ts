import type { BillingSettings } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class ChangeSettingsCommand {
  constructor(
    readonly changes: Partial<BillingSettings>,
    readonly metadata: CommandMetadata,
  ) {}
}
