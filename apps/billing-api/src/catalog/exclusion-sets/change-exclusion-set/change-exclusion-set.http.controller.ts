import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ExclusionSetView } from '@billing/projections';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import { RequestValidationError } from '../../../http/validation';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetExclusionSetQuery } from '../get-exclusion-set/get-exclusion-set.query';
import { ChangeExclusionSetCommand } from './change-exclusion-set.command';
import { ChangeExclusionSetRequest } from './change-exclusion-set.request.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/exclusion-sets')
export class ChangeExclusionSetHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Put(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace an exclusion set: every contract using it excludes the new set for work logged from now on; a PUT that changes nothing writes nothing',
  })
  async change(@Param('id') id: string, @Body() body: ChangeExclusionSetRequest, @CommandMeta() metadata: CommandMetadata): Promise<ExclusionSetView> {
    if (body.id !== undefined && body.id !== id)
      throw new RequestValidationError([{ field: 'id', message: `id must be the one in the path (${id}) or absent` }]);
    const command = new ChangeExclusionSetCommand({ exclusionSetId: id, name: body.name, workTypeIds: body.workTypeIds, roleIds: body.roleIds }, metadata);
    return this.answers.afterChange(command, new GetExclusionSetQuery(id));
  }
}
