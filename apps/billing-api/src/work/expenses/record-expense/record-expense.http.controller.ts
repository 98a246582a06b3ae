import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import type { Caller } from '../../../auth/caller';
import { assertOwnWork, CurrentCaller, ownWorkOf } from '../../../auth/own-work';
import { canonical } from '../../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { WorkItemView } from '../../get-work-item/get-work-item.handler';
import { GetWorkItemQuery } from '../../get-work-item/get-work-item.query';
import { RecordExpenseCommand } from './record-expense.command';
import { RecordExpenseRequest } from './record-expense.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/expenses')
export class RecordExpenseHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an expense (mileage, travel)' })
  async record(
    @Body() body: RecordExpenseRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @CurrentCaller() caller: Caller | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkItemView> {
    const resourceId = body.resourceId ?? ownWorkOf(caller);
    assertOwnWork(caller, resourceId, 'expense');
    const expenseId = resolveCreateId('expenses', body.id, idempotencyKey);
    const command = new RecordExpenseCommand(
      {
        expenseId,
        accountId: body.accountId,
        contractId: body.contractId ?? null,
        category: body.category,
        date: body.date,
        amount: canonical(body.amount),
        billable: body.billable ?? true,
        description: body.description ?? null,
        resourceId,
        billingCodeId: body.billingCodeId ?? null,
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetWorkItemQuery('EXPENSE', expenseId, 'expenseId'), response);
  }
}
