import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingSettings } from '@billing/domain';
import { GetSettingsQuery } from './get-settings.query';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/settings')
export class GetSettingsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The ledger settings' })
  get(): Promise<BillingSettings> {
    return this.queries.execute(new GetSettingsQuery());
  }
}
