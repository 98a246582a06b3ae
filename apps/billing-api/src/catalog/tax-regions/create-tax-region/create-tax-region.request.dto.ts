import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, ValidateNested } from 'class-validator';
import { TAX_RATE_MAX_PLACES } from '@billing/domain';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId } from '../../../http/ids';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

/** Below 1 with at most 6 places is at most 0.999999. */
const LARGEST_TAX_RATE = '0.999999';

export class TaxRateRequest {
  @ApiProperty({ example: 'labour', description: 'The tax category it applies to (the code on work types and billing codes)' })
  @IsString()
  @IsId()
  taxCategory!: string;

  @ApiProperty({ example: 'State', description: 'Shown on invoices; unique within its category' })
  @IsPlainText({ max: 100 })
  name!: string;

  @ApiProperty({ type: String, example: '0.08875', description: 'A decimal string (or JSON number), 0 ≤ rate < 1, up to 6 places' })
  @IsDecimalField(
    { maxDecimalPlaces: TAX_RATE_MAX_PLACES, min: '0', max: LARGEST_TAX_RATE },
    { message: `rate must be a decimal (string or number) of at least 0 and less than 1, with at most ${TAX_RATE_MAX_PLACES} decimal places` },
  )
  rate!: string | number;

  @ApiPropertyOptional({ default: false, description: 'Applied on the amount plus the other taxes; at most one per category' })
  @Optional()
  @IsBoolean()
  compound?: boolean;
}

export class CreateTaxRegionRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'nyc' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'New York City' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({ type: () => [TaxRateRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TaxRateRequest)
  rates!: TaxRateRequest[];
}
