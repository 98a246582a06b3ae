import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContractView } from '@billing/projections';
import { GetContractQuery, ListContractsQuery } from './get-contract.query';
import { ListContractsRequest } from './list-contracts.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class GetContractHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List contracts with their terms, purchases and services; filters accountId, type, status' })
  list(@Query() filters: ListContractsRequest): Promise<ContractView[]> {
    return this.queries.execute(new ListContractsQuery({ accountId: filters.accountId, type: filters.type, status: filters.status }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contract: terms, purchases (with their sequence) and services' })
  get(@Param('id') id: string): Promise<ContractView> {
    return this.queries.execute(new GetContractQuery(id));
  }
}
