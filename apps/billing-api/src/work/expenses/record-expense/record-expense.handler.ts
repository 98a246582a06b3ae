import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../infrastructure/command-result';
import { expenseDecider, expenseStream, namedContractOf } from '@billing/domain';
import { BillingLookups } from '../../../infrastructure/billing-lookups';
import { ItemIdClaims } from '../../../infrastructure/item-id-claims';
import { RecordExpenseCommand } from './record-expense.command';

@CommandHandler(RecordExpenseCommand)
export class RecordExpenseHandler implements ICommandHandler<RecordExpenseCommand, CommandResult> {
  constructor(
    private readonly claims: ItemIdClaims,
    private readonly lookups: BillingLookups,
  ) {}

  async execute({ expense, metadata }: RecordExpenseCommand): Promise<CommandResult> {
    const [account, contract, billingCode] = await Promise.all([
      this.lookups.account(expense.accountId),
      expense.contractId ? this.lookups.contract(expense.contractId).then(namedContractOf) : undefined,
      expense.billingCodeId ? this.lookups.billingCode(expense.billingCodeId) : undefined,
    ]);
    const { events, position } = await this.claims.create(
      { itemId: expense.expenseId, sourceType: 'EXPENSE' },
      expenseStream(expense.expenseId),
      expenseDecider,
      { type: 'RecordExpense', expense, account, contract, billingCodeExists: billingCode !== undefined },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
