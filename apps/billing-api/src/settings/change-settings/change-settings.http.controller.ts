import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingSettings } from '@billing/domain';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { Roles } from '../../auth/roles.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { GetSettingsQuery } from '../get-settings/get-settings.query';
import { ChangeSettingsCommand } from './change-settings.command';
import { ChangeSettingsRequest } from './change-settings.request.dto';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/settings')
export class ChangeSettingsHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Put()
  @Roles('finance')
  @ApiOperation({ summary: 'Change some of the ledger settings; work logged or posted afterwards follows them' })
  change(@Body() body: ChangeSettingsRequest, @CommandMeta() metadata: CommandMetadata): Promise<BillingSettings> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return this.answers.afterChange(new ChangeSettingsCommand(changes, metadata), new GetSettingsQuery());
  }
}
