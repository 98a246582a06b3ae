import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { TaxRegionView } from '@billing/projections';
import { CommandMeta } from '../../../auth/caller';
import { Roles } from '../../../auth/roles.decorator';
import { decimalText } from '../../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import { ReadYourWrites } from '../../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetTaxRegionQuery } from '../get-tax-region/get-tax-region.query';
import { CreateTaxRegionCommand, type CreateTaxRegionResult } from './create-tax-region.command';
import { CreateTaxRegionRequest } from './create-tax-region.request.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/tax-regions')
export class CreateTaxRegionHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('finance')
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
    const result = await this.commands.execute<CreateTaxRegionCommand, CreateTaxRegionResult>(command);
    if (!result.created) response.status(200);
    await this.readYourWrites.waitFor(result.position);
    return this.queries.execute<GetTaxRegionQuery, TaxRegionView>(new GetTaxRegionQuery(taxRegionId));
  }
}
