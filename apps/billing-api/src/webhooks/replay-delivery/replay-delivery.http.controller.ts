import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeliveryView } from '../delivery/delivery-log';
import { ReplayDeliveryCommand } from './replay-delivery.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class ReplayDeliveryHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send a delivery’s event again, as a new delivery (kind replay) queued behind the webhook’s unacknowledged deliveries; answers it, pending. A paused webhook sends it once resumed',
  })
  replay(@Param('id') id: string, @Param('deliveryId') deliveryId: string): Promise<DeliveryView> {
    return this.commands.execute(new ReplayDeliveryCommand(id, deliveryId));
  }
}
