import type { PurchaseTickets } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

export class PurchaseTicketsCommand {
  constructor(
    readonly purchase: Omit<PurchaseTickets, 'type' | 'references'>,
    readonly metadata: CommandMetadata,
  ) {}
}
