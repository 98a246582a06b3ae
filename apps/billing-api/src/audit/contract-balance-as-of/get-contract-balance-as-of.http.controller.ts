import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseAsOf, type AsOf } from '../as-of/as-of';
import { AsOfRequest } from '../as-of/as-of.request.dto';
import type { ContractBalanceAsOf } from './get-contract-balance-as-of.handler';
import { GetContractBalanceAsOfQuery } from './get-contract-balance-as-of.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/contracts')
export class GetContractBalanceAsOfHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/balance')
  @ApiOperation({
    summary:
      'A contract balance as it stood at a date or global position (the answer of GET /api/contracts/{id}/balance, and `asOf`), replayed from the events; ' +
      '404 when the contract did not exist yet; 422 for a point after now',
  })
  balance(@Param('id') id: string, @Query() query: AsOfRequest): Promise<ContractBalanceAsOf> {
    const asOf = query.asOf === undefined ? undefined : (parseAsOf(query.asOf) as AsOf);
    return this.queries.execute(new GetContractBalanceAsOfQuery(id, asOf));
  }
}
