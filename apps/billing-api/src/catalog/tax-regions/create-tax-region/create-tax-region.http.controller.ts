import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { TaxRegionView } from '@billing/projections';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import { decimalText } from '../../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetTaxRegionQuery } from '../get-tax-region/get-tax-region.query';
import { CreateTaxRegionCommand } from './create-tax-region.command';
import { CreateTaxRegionRequest } from './create-tax-region.request.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/tax-regions')
export class CreateTaxRegionHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a tax region with its rates per tax category; the same id and body again answers 200, another body 409' })
  async create(
    @Body() body: CreateTaxRegionRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaxRegionView> {
    const taxRegionId = resolveCreateId('tax-regions', body.id, idempotencyKey);
    const command = new CreateTaxRegionCommand(
      {
        taxRegionId,
        name: body.name,
        rates: body.rates.map((r) => ({ taxCategory: r.taxCategory, name: r.name, rate: decimalText(r.rate) ?? '', compound: r.compound ?? false })),
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetTaxRegionQuery(taxRegionId), response);
  }
}
