import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import { canonical } from '../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { type ContractServiceAnswer } from '../get-contract/get-contract.handler';
import { GetContractServiceQuery } from '../get-contract/get-contract.query';
import { AddServiceCommand } from './add-service.command';
import { AddServiceRequest } from './add-service.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class AddServiceHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/services')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a recurring service (RECURRING_SERVICE contracts): units and prices' })
  async add(
    @Param('id') contractId: string,
    @Body() body: AddServiceRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContractServiceAnswer> {
    const serviceId = resolveCreateId(`contracts/${contractId}/services`, body.id, idempotencyKey);
    const command = new AddServiceCommand(
      contractId,
      {
        serviceId,
        name: body.name,
        units: canonical(body.units),
        unitPrice: canonical(body.unitPrice),
        unitCost: body.unitCost === undefined || body.unitCost === null ? '0' : canonical(body.unitCost),
        billingCodeId: body.billingCodeId ?? null,
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetContractServiceQuery(contractId, serviceId), response);
  }
}
