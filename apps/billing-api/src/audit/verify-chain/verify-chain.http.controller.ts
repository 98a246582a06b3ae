import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CHAIN_REPORT_SCHEMA, type ChainReportAnswer } from '../tamper-evidence-answers';
import { VerifyChainQuery } from './verify-chain.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/verify')
export class VerifyChainHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "Checks every stream's hash chain (docs/tamper-evidence.md), reading the whole store once in global order up to its last position, " +
      'and answers the first break: a changed, deleted, reordered or moved event. A deleted last event of a stream is not a break: a kept digest shows it',
  })
  @ApiOkResponse({ description: 'What the walk found; `ok: false` with `firstBreak` when a chain is broken', schema: CHAIN_REPORT_SCHEMA })
  verify(): Promise<ChainReportAnswer> {
    return this.queries.execute(new VerifyChainQuery());
  }
}
