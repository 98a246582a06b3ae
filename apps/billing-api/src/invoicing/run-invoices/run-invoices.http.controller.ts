import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import { sendJsonPieces } from '../../http/file-answer';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { RunInvoicesAnswerQuery } from './run-invoices-answer.query';
import { RunInvoicesCommand, type RunInvoicesResult } from './run-invoices.command';
import { RunInvoicesRequest } from './run-invoices.request.dto';

@ApiTags('invoicing')
@ApiBearerAuth()
@Controller('api/invoice-runs')
export class RunInvoicesHttpController {
  constructor(
    private readonly answers: CommandAnswers,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Invoice the posted, uninvoiced items dated up to `through`: one invoice per bill-to account and purchase-order number, numbered without gaps. ' +
      'The same id and body again answers the same invoices (200) and creates none; a run that stopped halfway is finished by sending it again. ' +
      'The answer is streamed invoice by invoice; one cut short (the connection closed) is had whole by sending the run again',
  })
  async run(
    @Body() body: RunInvoicesRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res() response: Response,
  ): Promise<void> {
    const runId = resolveCreateId('invoice-runs', body.id, idempotencyKey);
    const request = {
      invoiceDate: body.invoiceDate,
      through: body.through ?? body.invoiceDate,
      accountIds: body.accountIds ? [...body.accountIds].sort() : null,
    };
    const result = await this.answers.afterProcess<RunInvoicesResult>(new RunInvoicesCommand(runId, request, metadata));
    const answer = await this.queries.execute<RunInvoicesAnswerQuery, Iterable<string>>(new RunInvoicesAnswerQuery(result.id, result.invoices));
    await sendJsonPieces(response, result.started ? 201 : 200, answer);
  }
}
