import type { CompleteTicket } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class CompleteTicketCommand {
  constructor(
    readonly completion: CompleteTicket['completion'],
    readonly metadata: CommandMetadata,
  ) {}
}
