import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProfitabilityReport } from '@billing/projections';
import { GetProfitabilityQuery } from './get-profitability.query';
import { ProfitabilityRequest } from './profitability.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports/profitability')
export class ProfitabilityHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Revenue, cost and margin of the posted items dated from `from` to `to` (billing-rules §11), one row per account, contract or work type with its months; ' +
      'covered work counts at the prepaid price of what it drew, prepaid purchases are shown apart (docs/profitability.md); rows with a negative margin are flagged',
  })
  @ApiOkResponse({
    description:
      '{ by, from, to, rows: [{ id, revenue, billed, covered, prepaidBilled, cost, margin, marginPercent, hours, negativeMargin, months: [{ month, … }] }], totals, negativeMargin: [id] }',
  })
  report(@Query() query: ProfitabilityRequest): Promise<ProfitabilityReport> {
    const { by, from, to } = query;
    return this.queries.execute(new GetProfitabilityQuery({ by, from, to }));
  }
}
