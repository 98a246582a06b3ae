import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import { canonical } from '../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import type { ContractMilestoneAnswer } from '../get-contract/get-contract.handler';
import { GetContractMilestoneQuery } from '../get-contract/get-contract.query';
import { AddMilestoneCommand } from './add-milestone.command';
import { AddMilestoneRequest } from './add-milestone.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class AddMilestoneHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/milestones')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Add a milestone (FIXED_PRICE contracts): a billing event of an amount, due on a date; billable once marked ready and due (billing-rules §7). The same id and body again answers 200, another body 409',
  })
  async add(
    @Param('id') contractId: string,
    @Body() body: AddMilestoneRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContractMilestoneAnswer> {
    const milestoneId = resolveCreateId(`contracts/${contractId}/milestones`, body.id, idempotencyKey);
    const command = new AddMilestoneCommand(
      contractId,
      { milestoneId, title: body.title, amount: canonical(body.amount), dueDate: body.dueDate, billingCodeId: body.billingCodeId ?? null },
      metadata,
    );
    return this.answers.afterCreate(command, new GetContractMilestoneQuery(contractId, milestoneId), response);
  }
}
