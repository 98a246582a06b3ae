import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../../auth/caller';
import { Roles } from '../../../auth/roles.decorator';
import { canonical } from '../../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import { ReadYourWrites } from '../../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { WorkCommandResult } from '../../time-entries/log-time-entry/log-time-entry.command';
import { WorkItemQueries, type WorkItemView } from '../../work-item.queries';
import { RecordExpenseCommand } from './record-expense.command';
import { RecordExpenseRequest } from './record-expense.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/expenses')
export class RecordExpenseHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: WorkItemQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('technician', 'finance')
  @ApiOperation({ summary: 'Record an expense (mileage, travel)' })
  async record(
    @Body() body: RecordExpenseRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkItemView> {
    const expenseId = resolveCreateId('expenses', body.id, idempotencyKey);
    const result = await this.commands.execute<RecordExpenseCommand, WorkCommandResult>(
      new RecordExpenseCommand(
        {
          expenseId,
          accountId: body.accountId,
          contractId: body.contractId ?? null,
          category: body.category,
          date: body.date,
          amount: canonical(body.amount),
          billable: body.billable ?? true,
          description: body.description ?? null,
        },
        metadata,
      ),
    );
    if (!result.created) response.status(200);
    await this.readYourWrites.waitFor(result.position);
    return this.queries.get('EXPENSE', expenseId, 'expenseId');
  }

  @Get(':id')
  @Roles('technician', 'finance', 'auditor')
  @ApiOperation({ summary: 'One expense and where it stands' })
  get(@Param('id') id: string): WorkItemView {
    return this.queries.get('EXPENSE', id, 'expenseId');
  }
}
