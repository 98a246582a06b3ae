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
import { RecordChargeCommand } from './record-charge.command';
import { RecordChargeRequest } from './record-charge.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/charges')
export class RecordChargeHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a charge (materials, products, licences)' })
  async record(
    @Body() body: RecordChargeRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @CurrentCaller() caller: Caller | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkItemView> {
    const resourceId = body.resourceId ?? ownWorkOf(caller);
    assertOwnWork(caller, resourceId, 'charge');
    const chargeId = resolveCreateId('charges', body.id, idempotencyKey);
    const command = new RecordChargeCommand(
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
        resourceId,
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetWorkItemQuery('CHARGE', chargeId, 'chargeId'), response);
  }
}
