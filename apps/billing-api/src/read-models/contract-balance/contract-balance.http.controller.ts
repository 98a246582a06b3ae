import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContractBalance } from '@billing/projections';
import { GetContractBalanceQuery } from './get-contract-balance.query';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('api/contracts')
export class ContractBalanceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/balance')
  @ApiOperation({
    summary: 'Per purchase: purchased, used, remaining (hours for blocks, money for retainers, tickets for per-ticket), expiry; overage to date',
  })
  balance(@Param('id') id: string): Promise<ContractBalance> {
    return this.queries.execute(new GetContractBalanceQuery(id));
  }
}
