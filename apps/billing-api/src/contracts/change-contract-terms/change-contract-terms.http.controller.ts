import { Body, Controller, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContractTermsChanges } from '@billing/domain';
import type { ContractView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { GetContractQuery } from '../get-contract/get-contract.query';
import { ChangeContractTermsCommand } from './change-contract-terms.command';
import { ChangeContractTermsRequest } from './change-contract-terms.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class ChangeContractTermsHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change terms: PO number, exclusions, exclusion contract, end date (a later one is a renewal), status, renewal period; a change of nothing writes nothing',
  })
  async change(@Param('id') id: string, @Body() body: ChangeContractTermsRequest, @CommandMeta() metadata: CommandMetadata): Promise<ContractView> {
    const changes: ContractTermsChanges = {};
    if (body.purchaseOrderNumber !== undefined) changes.purchaseOrderNumber = body.purchaseOrderNumber;
    if (body.exclusionSetId !== undefined) changes.exclusionSetId = body.exclusionSetId;
    if (body.excludedWorkTypeIds !== undefined) changes.excludedWorkTypeIds = body.excludedWorkTypeIds;
    if (body.excludedRoleIds !== undefined) changes.excludedRoleIds = body.excludedRoleIds;
    if (body.exclusionContractId !== undefined) changes.exclusionContractId = body.exclusionContractId;
    if (body.endDate !== undefined) changes.endDate = body.endDate;
    if (body.status !== undefined) changes.status = body.status;
    if (body.renewalPeriod !== undefined) changes.renewalPeriod = body.renewalPeriod;
    return this.answers.afterChange(new ChangeContractTermsCommand(id, changes, metadata), new GetContractQuery(id));
  }
}
