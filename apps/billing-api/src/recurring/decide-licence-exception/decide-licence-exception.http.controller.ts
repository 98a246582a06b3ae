import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LicenceExceptionView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { GetLicenceExceptionQuery } from '../list-licence-exceptions/list-licence-exceptions.query';
import { DecideLicenceExceptionCommand } from './decide-licence-exception.command';
import { DecideLicenceExceptionRequest } from './decide-licence-exception.request.dto';

@ApiTags('recurring')
@ApiBearerAuth()
@Controller('api/licence-exceptions')
export class DecideLicenceExceptionHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm a held licence count: the units change as of its date, with the prorated adjustments of any accrued period (billing-rules §7); confirming again changes nothing',
  })
  confirm(@Param('id') id: string, @Body() body: DecideLicenceExceptionRequest, @CommandMeta() metadata: CommandMetadata): Promise<LicenceExceptionView> {
    return this.answers.afterChange(new DecideLicenceExceptionCommand(id, 'confirm', body.reason, metadata), new GetLicenceExceptionQuery(id));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a held licence count: the units stay as they are; rejecting again changes nothing' })
  reject(@Param('id') id: string, @Body() body: DecideLicenceExceptionRequest, @CommandMeta() metadata: CommandMetadata): Promise<LicenceExceptionView> {
    return this.answers.afterChange(new DecideLicenceExceptionCommand(id, 'reject', body.reason, metadata), new GetLicenceExceptionQuery(id));
  }
}
