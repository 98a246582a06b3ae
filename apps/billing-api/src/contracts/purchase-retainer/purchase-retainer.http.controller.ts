import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/caller';
import { Roles } from '../../auth/roles.decorator';
import { canonical } from '../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import { ReadYourWrites } from '../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { purchaseAnswer, type ContractItemResult, type ContractPurchaseAnswer } from '../contract-answers';
import { PurchaseRetainerCommand } from './purchase-retainer.command';
import { PurchaseRetainerRequest } from './purchase-retainer.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class PurchaseRetainerHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':id/retainer-purchases')
  @HttpCode(201)
  @Roles('finance')
  @ApiOperation({ summary: 'Buy prepaid money (RETAINER contracts); posted later by Approve & Post' })
  async purchase(
    @Param('id') contractId: string,
    @Body() body: PurchaseRetainerRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContractPurchaseAnswer> {
    const purchaseId = resolveCreateId(`contracts/${contractId}/retainer-purchases`, body.id, idempotencyKey);
    const command = new PurchaseRetainerCommand(
      { contractId, purchaseId, amount: canonical(body.amount), startDate: body.startDate, endDate: body.endDate, purchasedAt: metadata.occurredAt },
      metadata,
    );
    const result = await this.commands.execute<PurchaseRetainerCommand, ContractItemResult>(command);
    if (!result.created) response.status(200);
    return purchaseAnswer(this.queries, this.readYourWrites, contractId, purchaseId, result.position);
  }
}
