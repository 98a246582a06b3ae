import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BillingCodeView } from '@billing/projections';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetBillingCodeQuery } from '../get-billing-code/get-billing-code.query';
import { CreateBillingCodeCommand } from './create-billing-code.command';
import { CreateBillingCodeRequest } from './create-billing-code.request.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/billing-codes')
export class CreateBillingCodeHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a billing code; the same id and body again answers 200, another body 409' })
  async create(
    @Body() body: CreateBillingCodeRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BillingCodeView> {
    const billingCodeId = resolveCreateId('billing-codes', body.id, idempotencyKey);
    const command = new CreateBillingCodeCommand(
      { billingCodeId, name: body.name, type: body.type, taxCategory: body.taxCategory ?? null, glAccount: body.glAccount ?? null },
      metadata,
    );
    return this.answers.afterCreate(command, new GetBillingCodeQuery(billingCodeId), response);
  }
}
