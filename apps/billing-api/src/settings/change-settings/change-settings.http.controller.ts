import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingSettings } from '@billing/domain';
import { CommandMeta } from '../../auth/command-meta.decorator';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { ChangeSettingsCommand } from './change-settings.command';
import { ChangeSettingsRequest } from './change-settings.request.dto';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/settings')
export class ChangeSettingsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @ApiOperation({ summary: 'Change some of the ledger settings; work logged or posted afterwards follows them' })
  change(@Body() body: ChangeSettingsRequest, @CommandMeta() metadata: CommandMetadata): Promise<BillingSettings> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return this.commands.execute(new ChangeSettingsCommand(changes, metadata));
  }
}
