import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReplayEventsCommand, type ReplayEventsResult } from './replay-events.command';
import { ReplayEventsRequest } from './replay-events.request.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class ReplayEventsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send again, in order, every event of the webhook’s types after `fromPosition` and up to `throughPosition` (at most its checkpoint): for a receiver that lost what it had. At most 10,000 events at a time (422 beyond)',
  })
  replay(@Param('id') id: string, @Body() body: ReplayEventsRequest): Promise<ReplayEventsResult> {
    return this.commands.execute(
      new ReplayEventsCommand(id, BigInt(body.fromPosition), body.throughPosition === undefined ? undefined : BigInt(body.throughPosition)),
    );
  }
}
