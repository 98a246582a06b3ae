import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ContractView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import { canonical, canonicalOrNull } from '../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { GetContractQuery } from '../get-contract/get-contract.query';
import { CreateContractCommand } from './create-contract.command';
import { CreateContractRequest } from './create-contract.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class CreateContractHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a contract (ACTIVE); the same id and body again answers 200, another body 409' })
  async create(
    @Body() body: CreateContractRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContractView> {
    const contractId = resolveCreateId('contracts', body.id, idempotencyKey);
    const command = new CreateContractCommand(
      {
        contractId,
        accountId: body.accountId,
        name: body.name,
        type: body.type,
        startDate: body.startDate,
        endDate: body.endDate,
        purchaseOrderNumber: body.purchaseOrderNumber ?? null,
        isDefault: body.isDefault ?? false,
        exclusionSetId: body.exclusionSetId ?? null,
        excludedWorkTypeIds: body.excludedWorkTypeIds ?? [],
        excludedRoleIds: body.excludedRoleIds ?? [],
        exclusionContractId: body.exclusionContractId ?? null,
        billToAccountId: body.billToAccountId ?? null,
        roleRates: (body.roleRates ?? []).map((r) => ({ roleId: r.roleId, hourlyRate: canonical(r.hourlyRate) })),
        overageRate: canonicalOrNull(body.overageRate),
        blockHourMultipliers: (body.blockHourMultipliers ?? []).map((m) => ({ roleId: m.roleId, multiplier: canonical(m.multiplier) })),
        periodType: body.periodType ?? null,
        setupFee: canonicalOrNull(body.setupFee),
        licenceTolerancePercent: canonicalOrNull(body.licenceTolerancePercent),
        renewalPeriod: body.renewalPeriod ?? null,
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetContractQuery(contractId), response);
  }
}
