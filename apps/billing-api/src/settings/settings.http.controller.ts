import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BILLING_SETTINGS_STREAM, billingSettingsDecider, type BillingSettings } from '@billing/domain';
import { CommandMeta } from '../auth/caller';
import { READERS, Roles } from '../auth/roles.decorator';
import { StreamDecisions, type CommandMetadata } from '../infrastructure/stream-decisions';
import { ChangeSettingsRequest } from './change-settings.request.dto';

/** The ledger settings (rounding, overage multiplier, timesheet requirement, stuck threshold). */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/settings')
export class SettingsHttpController {
  constructor(private readonly streams: StreamDecisions) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The ledger settings' })
  async get(): Promise<BillingSettings> {
    return (await this.streams.load(BILLING_SETTINGS_STREAM, billingSettingsDecider)).state;
  }

  @Put()
  @Roles('finance')
  @ApiOperation({ summary: 'Change some of the ledger settings; work logged or posted afterwards follows them' })
  async change(@Body() body: ChangeSettingsRequest, @CommandMeta() metadata: CommandMetadata): Promise<BillingSettings> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return (await this.streams.decide(BILLING_SETTINGS_STREAM, billingSettingsDecider, { type: 'ChangeBillingSettings', changes }, metadata)).state;
  }
}
