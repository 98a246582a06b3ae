import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ACCOUNT_DEFAULTS } from '@billing/domain';
import type { AccountView } from '@billing/projections';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import { GetAccountQuery } from '../get-account/get-account.query';
import { CreateAccountCommand } from './create-account.command';
import { CreateAccountRequest } from './create-account.request.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/accounts')
export class CreateAccountHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an account; the same id and body again answers 200, another body 409' })
  async create(
    @Body() body: CreateAccountRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountView> {
    const accountId = resolveCreateId('accounts', body.id, idempotencyKey);
    const command = new CreateAccountCommand(
      {
        accountId,
        name: body.name,
        parentAccountId: body.parentAccountId ?? null,
        invoiceToParent: body.invoiceToParent ?? false,
        taxRegionId: body.taxRegionId ?? null,
        taxExempt: body.taxExempt ?? false,
        paymentTermsDays: body.paymentTermsDays ?? ACCOUNT_DEFAULTS.paymentTermsDays,
        currency: body.currency ?? ACCOUNT_DEFAULTS.currency,
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetAccountQuery(accountId), response);
  }
}
