import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import type { ContractMilestoneAnswer } from '../get-contract/get-contract.handler';
import { GetContractMilestoneQuery } from '../get-contract/get-contract.query';
import { MarkMilestoneReadyCommand } from './mark-milestone-ready.command';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class MarkMilestoneReadyHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/milestones/:milestoneId/ready')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mark a milestone ready to bill: from its due date on it waits in Approve & Post as a MILESTONE item (billing-rules §7); marking it again changes nothing',
  })
  ready(
    @Param('id') contractId: string,
    @Param('milestoneId') milestoneId: string,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<ContractMilestoneAnswer> {
    return this.answers.afterChange(new MarkMilestoneReadyCommand(contractId, milestoneId, metadata), new GetContractMilestoneQuery(contractId, milestoneId));
  }
}
