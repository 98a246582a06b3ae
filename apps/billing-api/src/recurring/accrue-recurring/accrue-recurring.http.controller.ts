import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { AccrueRecurringCommand, type AccrueRecurringResult, type AccruedItemView, type ContractRenewalView } from './accrue-recurring.command';
import { AccrueRecurringRequest } from './accrue-recurring.request.dto';

@ApiTags('recurring')
@ApiBearerAuth()
@Controller('api/recurring')
export class AccrueRecurringHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post('accrue')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accrue recurring services (billing-rules §7): on every active contract, first renew each auto-renewing contract whose end date is before `through` (by its `renewalPeriod`, until it covers `through`; `renewed`), then one item per service per period started by `through` (billed in advance, units × unitPrice), and the setup fee once; the items wait for Approve & Post. Idempotent: accruing again creates only what is new',
  })
  async accrue(
    @Body() body: AccrueRecurringRequest,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<{ created: AccruedItemView[]; renewed: ContractRenewalView[] }> {
    const { created, renewed } = await this.answers.afterProcess<AccrueRecurringResult>(new AccrueRecurringCommand(body.through, metadata));
    return { created, renewed };
  }
}
