import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountView } from '@billing/projections';
import { GetAccountQuery, ListAccountsQuery } from './get-account.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/accounts')
export class GetAccountHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List accounts' })
  list(): Promise<AccountView[]> {
    return this.queries.execute(new ListAccountsQuery());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  get(@Param('id') id: string): Promise<AccountView> {
    return this.queries.execute(new GetAccountQuery(id));
  }
}
