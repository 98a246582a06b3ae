import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ROLE_DEFAULTS } from '@billing/domain';
import type { RoleView } from '@billing/projections';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import { decimalText } from '../../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetRoleQuery } from '../get-role/get-role.query';
import { CreateRoleCommand } from './create-role.command';
import { CreateRoleRequest } from './create-role.request.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/roles')
export class CreateRoleHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a role; the same id and body again answers 200, another body 409' })
  async create(
    @Body() body: CreateRoleRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RoleView> {
    const roleId = resolveCreateId('roles', body.id, idempotencyKey);
    const command = new CreateRoleCommand(
      {
        roleId,
        name: body.name,
        hourlyRate: decimalText(body.hourlyRate) ?? '',
        hourlyCost: body.hourlyCost == null ? ROLE_DEFAULTS.hourlyCost : (decimalText(body.hourlyCost) ?? ''),
        blockHourMultiplier: body.blockHourMultiplier == null ? ROLE_DEFAULTS.blockHourMultiplier : (decimalText(body.blockHourMultiplier) ?? ''),
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetRoleQuery(roleId), response);
  }
}
