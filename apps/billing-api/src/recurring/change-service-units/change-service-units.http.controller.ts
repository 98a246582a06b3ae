import { Body, Controller, ForbiddenException, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CurrentCaller } from '../../auth/own-work';
import { CommandAnswers } from '../../http/command-answers';
import { canonical } from '../../http/decimal-field';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { ChangeServiceUnitsCommand, type ChangeServiceUnitsResult, type ServiceUnitsAnswer } from './change-service-units.command';
import { ChangeServiceUnitsRequest } from './change-service-units.request.dto';

@ApiTags('recurring')
@ApiBearerAuth()
@Controller('api/contracts')
export class ChangeServiceUnitsHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/services/:serviceId/units')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change a service’s units from a date (billing-rules §7): a date inside an accrued period makes a prorated SERVICE_ADJUSTMENT (unitDelta × unitPrice × daysRemaining / daysInPeriod); with `source` (licence sync) a change beyond the contract’s tolerance is held as a licence exception',
  })
  async change(
    @Param('id') contractId: string,
    @Param('serviceId') serviceId: string,
    @Body() body: ChangeServiceUnitsRequest,
    @CurrentCaller() caller: Caller | undefined,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<ServiceUnitsAnswer> {
    // billing-rules §12: an integration pushes licence counts, which are held beyond the tolerance; setting units outright is finance's.
    if (caller?.role === 'integration' && body.source === undefined)
      throw new ForbiddenException('an integration key syncs licence counts: send the `source` of the count');
    const command = new ChangeServiceUnitsCommand(
      { contractId, serviceId, units: canonical(body.units), effectiveDate: body.effectiveDate, source: body.source ?? null },
      metadata,
    );
    const { answer } = await this.answers.afterProcess<ChangeServiceUnitsResult>(command);
    return answer;
  }
}
