import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROFITABILITY_DIMENSIONS, type ProfitabilityDimension } from '@billing/projections';
import { OptionalBusinessDate } from '../../http/business-date-field';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';

export class ProfitabilityRequest implements CheckedRequest {
  @ApiProperty({ enum: PROFITABILITY_DIMENSIONS, description: 'One row per account, contract or work type' })
  @IsIn(PROFITABILITY_DIMENSIONS, { message: `by must be one of ${PROFITABILITY_DIMENSIONS.join(', ')}` })
  by!: ProfitabilityDimension;

  @OptionalBusinessDate({ example: '2026-11-01', description: 'Items dated from this day (inclusive); from the first when absent' })
  from?: string;

  @OptionalBusinessDate({ example: '2026-11-30', description: 'Items dated up to this day (inclusive); not before `from`; to the last when absent' })
  to?: string;

  problems(): FieldProblem[] {
    return this.from !== undefined && this.to !== undefined && this.to < this.from
      ? [{ field: 'to', message: `to (${this.to}) must not be before from (${this.from})` }]
      : [];
  }
}
