import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyListEntry } from './list-api-keys.handler';
import { ListApiKeysQuery } from './list-api-keys.query';

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('api/api-keys')
export class ListApiKeysHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Every API key, working ones first: id, name, role, resource, issued, last used (on this instance), revoked; never the key',
  })
  list(): Promise<ApiKeyListEntry[]> {
    return this.queries.execute(new ListApiKeysQuery());
  }
}
