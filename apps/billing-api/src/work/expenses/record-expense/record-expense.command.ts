import type { ExpenseData } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class RecordExpenseCommand {
  constructor(
    readonly expense: ExpenseData,
    readonly metadata: CommandMetadata,
  ) {}
}
