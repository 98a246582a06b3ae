import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { WORK_TYPE_DEFAULTS, type WorkTypeModifier } from '@billing/domain';
import type { WorkTypeView } from '@billing/projections';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import { decimalText } from '../../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetWorkTypeQuery } from '../get-work-type/get-work-type.query';
import { CreateWorkTypeCommand } from './create-work-type.command';
import { CreateWorkTypeRequest, type WorkTypeModifierRequest } from './create-work-type.request.dto';

function modifierOf(request: WorkTypeModifierRequest | undefined | null): WorkTypeModifier {
  if (!request) return WORK_TYPE_DEFAULTS.modifier;
  return request.type === 'none' ? { type: 'none' } : { type: request.type, value: decimalText(request.value) ?? '' };
}

const hoursOf = (value: string | number | undefined | null) => (value == null ? null : (decimalText(value) ?? ''));

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/work-types')
export class CreateWorkTypeHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a work type; the same id and body again answers 200, another body 409' })
  async create(
    @Body() body: CreateWorkTypeRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkTypeView> {
    const workTypeId = resolveCreateId('work-types', body.id, idempotencyKey);
    const billable = body.billable ?? WORK_TYPE_DEFAULTS.billable;
    const command = new CreateWorkTypeCommand(
      {
        workTypeId,
        name: body.name,
        billable,
        showOnInvoice: body.showOnInvoice ?? WORK_TYPE_DEFAULTS.showOnInvoice(billable),
        taxCategory: body.taxCategory ?? null,
        minHours: hoursOf(body.minHours),
        maxHours: hoursOf(body.maxHours),
        modifier: modifierOf(body.modifier),
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetWorkTypeQuery(workTypeId), response);
  }
}
