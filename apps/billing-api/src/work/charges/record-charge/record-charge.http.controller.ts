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
import { RecordChargeCommand } from './record-charge.command';
import { RecordChargeRequest } from './record-charge.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/charges')
export class RecordChargeHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: WorkItemQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('technician', 'finance')
  @ApiOperation({ summary: 'Record a charge (materials, products, licences)' })
  async record(
    @Body() body: RecordChargeRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkItemView> {
    const chargeId = resolveCreateId('charges', body.id, idempotencyKey);
    const result = await this.commands.execute<RecordChargeCommand, WorkCommandResult>(
      new RecordChargeCommand(
        {
          chargeId,
          accountId: body.accountId,
          contractId: body.contractId ?? null,
          billingCodeId: body.billingCodeId ?? null,
          name: body.name,
          date: body.date,
          quantity: canonical(body.quantity),
          unitPrice: canonical(body.unitPrice),
          unitCost: canonical(body.unitCost ?? '0'),
          billable: body.billable ?? true,
          purchaseOrderNumber: body.purchaseOrderNumber ?? null,
        },
        metadata,
      ),
    );
    if (!result.created) response.status(200);
    await this.readYourWrites.waitFor(result.position);
    return this.queries.get('CHARGE', chargeId, 'chargeId');
  }

  @Get(':id')
  @Roles('technician', 'finance', 'auditor')
  @ApiOperation({ summary: 'One charge and where it stands' })
  get(@Param('id') id: string): WorkItemView {
    return this.queries.get('CHARGE', id, 'chargeId');
  }
}
