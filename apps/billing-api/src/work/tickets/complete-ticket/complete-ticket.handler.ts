import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketItemId, ticketStream } from '@billing/domain';
import { BillingLookups } from '../../../infrastructure/billing-lookups';
import { ItemIdClaims } from '../../../infrastructure/item-id-claims';
import type { WorkCommandResult } from '../../time-entries/log-time-entry/log-time-entry.command';
import { namedContractOf } from '../../named-contract';
import { CompleteTicketCommand } from './complete-ticket.command';

@CommandHandler(CompleteTicketCommand)
export class CompleteTicketHandler implements ICommandHandler<CompleteTicketCommand, WorkCommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly lookups: BillingLookups,
  ) {}

  async execute({ completion, metadata }: CompleteTicketCommand): Promise<WorkCommandResult> {
    const [account, contract] = await Promise.all([this.lookups.account(completion.accountId), this.lookups.contract(completion.contractId).then(namedContractOf)]);
    const { events, position } = await this.claims.create(
      { itemId: ticketItemId(completion.ticketId), sourceType: 'TICKET' },
      ticketStream(completion.ticketId),
      ticketDecider,
      { type: 'CompleteTicket', completion, account, contract },
      metadata,
    );
    return { created: events.length > 0, position };
  }
}
