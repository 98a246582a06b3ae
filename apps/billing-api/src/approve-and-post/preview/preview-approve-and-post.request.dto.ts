import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE, OptionalId } from '../../http/ids';
import { Optional } from '../../http/optional';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';
import { OptionalBusinessDate } from '../../http/business-date-field';
import { PageRequest } from '../../http/paging';

/** A contract id, or empty: no contract. */
const REROUTE_CONTRACT = new RegExp(`${ID_PATTERN.source}|^$`);

const ITEM_TYPES = [
  'LABOR',
  'CHARGE',
  'EXPENSE',
  'BLOCK_PURCHASE',
  'RETAINER_PURCHASE',
  'TICKET_PURCHASE',
  'TICKET',
  'SERVICE_PERIOD',
  'SERVICE_ADJUSTMENT',
  'SETUP_FEE',
  'MILESTONE',
];

export class PreviewApproveAndPostRequest extends PageRequest implements CheckedRequest {
  @OptionalId()
  accountId?: string;

  @OptionalId()
  contractId?: string;

  @ApiPropertyOptional({ enum: ITEM_TYPES })
  @IsOptional()
  @IsIn(ITEM_TYPES)
  type?: string;

  @OptionalBusinessDate()
  from?: string;

  @OptionalBusinessDate()
  to?: string;

  @OptionalId({
    description: 'A time entry to show re-routed (billing-rules §4.4): rated on `rerouteContractId` as `POST /api/approve-and-post` would with that override',
  })
  rerouteItemId?: string;

  @ApiPropertyOptional({ description: 'With `rerouteItemId`: the contract to rate the entry on; empty for no contract', example: 'acme-tm' })
  @Optional()
  @Matches(REROUTE_CONTRACT, { message: `rerouteContractId must be a contract id (${ID_PATTERN_MESSAGE}), or empty for no contract` })
  rerouteContractId?: string;

  /** A re-routing names both the entry and the contract. */
  problems(): FieldProblem[] {
    if ((this.rerouteItemId === undefined) === (this.rerouteContractId === undefined)) return [];
    const missing = this.rerouteItemId === undefined ? 'rerouteItemId' : 'rerouteContractId';
    return [{ field: missing, message: 'rerouteItemId and rerouteContractId go together' }];
  }
}
