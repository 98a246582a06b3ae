import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ExclusionSetView } from '@billing/projections';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetExclusionSetQuery } from '../get-exclusion-set/get-exclusion-set.query';
import { CreateExclusionSetCommand } from './create-exclusion-set.command';
import { CreateExclusionSetRequest } from './create-exclusion-set.request.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/exclusion-sets')
export class CreateExclusionSetHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an exclusion set; every id must exist. The same id and body again answers 200, another body 409' })
  async create(
    @Body() body: CreateExclusionSetRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExclusionSetView> {
    const exclusionSetId = resolveCreateId('exclusion-sets', body.id, idempotencyKey);
    const command = new CreateExclusionSetCommand({ exclusionSetId, name: body.name, workTypeIds: body.workTypeIds, roleIds: body.roleIds }, metadata);
    return this.answers.afterCreate(command, new GetExclusionSetQuery(exclusionSetId), response);
  }
}
