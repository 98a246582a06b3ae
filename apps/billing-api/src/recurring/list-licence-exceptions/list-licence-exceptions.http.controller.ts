import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LicenceExceptionView } from '@billing/projections';
import { ApiPageResponse, pageBounds, type PageAnswer } from '../../http/paging';
import { ListLicenceExceptionsQuery } from './list-licence-exceptions.query';
import { ListLicenceExceptionsRequest } from './list-licence-exceptions.request.dto';

@ApiTags('recurring')
@ApiBearerAuth()
@Controller('api/licence-exceptions')
export class ListLicenceExceptionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Licence counts synced beyond their contract’s tolerance (billing-rules §7, §13): held ones wait for finance to confirm or reject; oldest first',
  })
  @ApiPageResponse('A page of licence exceptions')
  list(@Query() query: ListLicenceExceptionsRequest): Promise<PageAnswer<LicenceExceptionView>> {
    return this.queries.execute(
      new ListLicenceExceptionsQuery({ status: query.status, accountId: query.accountId, contractId: query.contractId }, pageBounds(query)),
    );
  }
}
