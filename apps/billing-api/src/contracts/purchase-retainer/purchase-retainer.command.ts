import type { PurchaseRetainer } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class PurchaseRetainerCommand {
  constructor(
    readonly purchase: Omit<PurchaseRetainer, 'type' | 'references'>,
    readonly metadata: CommandMetadata,
  ) {}
}
