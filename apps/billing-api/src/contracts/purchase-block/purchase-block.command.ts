import type { PurchaseBlock } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class PurchaseBlockCommand {
  constructor(
    readonly purchase: Omit<PurchaseBlock, 'type' | 'references'>,
    readonly metadata: CommandMetadata,
  ) {}
}
