import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { ticketDecider, ticketItemId, ticketStream, namedContractOf } from '@billing/domain';
import { BillingLookups } from '../../../infrastructure/billing-lookups';
import { ItemIdClaims } from '../../../infrastructure/item-id-claims';
import { CompleteTicketCommand } from './complete-ticket.command';

@CommandHandler(CompleteTicketCommand)
export class CompleteTicketHandler implements ICommandHandler<CompleteTicketCommand, CommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly lookups: BillingLookups,
  ) {}

  async execute({ completion, metadata }: CompleteTicketCommand): Promise<CommandResult> {
    const [account, contract] = await Promise.all([
      this.lookups.account(completion.accountId),
      this.lookups.contract(completion.contractId).then(namedContractOf),
    ]);
    const { events, position } = await this.claims.create(
      { itemId: ticketItemId(completion.ticketId), sourceType: 'TICKET' },
      ticketStream(completion.ticketId),
      ticketDecider,
      { type: 'CompleteTicket', completion, account, contract },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
