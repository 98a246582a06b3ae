import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ITEM_AMOUNT } from '@billing/domain';
import { IsBusinessDate } from '../../http/business-date-field';
import { DECIMAL_SCHEMA, IsDecimalField } from '../../http/decimal-field';
import { Optional } from '../../http/optional';
import { IsPlainText } from '../../http/plain-text';

export class ChangeServiceUnitsRequest {
  @ApiProperty({
    ...DECIMAL_SCHEMA,
    example: '42',
    description:
      'The units from `effectiveDate` on: a decimal string or a JSON number, at least 0, up to 4 places (units × unitPrice at most one item’s bound)',
  })
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  units!: string | number;

  @ApiProperty({ example: '2026-04-21', description: 'Inside the contract’s dates, not before the service’s last change' })
  @IsBusinessDate()
  effectiveDate!: string;

  @ApiPropertyOptional({
    example: 'microsoft-365',
    description:
      'Licence sync: the outside count this comes from (required for an integration key). A change of more than the contract’s tolerance (default 20% of the current units; 2 units or fewer always apply) is then held for finance, never applied',
  })
  @Optional()
  @IsPlainText({ max: 200 })
  source?: string;
}
