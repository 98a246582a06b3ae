import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MAX_HOURLY_RATE, MAX_MULTIPLIER } from '@billing/domain';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId } from '../../../http/ids';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

export class CreateRoleRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'engineer' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Network Engineer' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({
    type: String,
    example: '150',
    description: `What the customer pays per hour: a decimal string (or JSON number) ≥ 0, at most ${MAX_HOURLY_RATE}, up to 4 places`,
  })
  @IsDecimalField({ min: '0', max: MAX_HOURLY_RATE })
  hourlyRate!: string | number;

  @ApiPropertyOptional({
    type: String,
    example: '62.50',
    default: '0',
    description: `What the MSP pays per hour: ≥ 0, at most ${MAX_HOURLY_RATE}, up to 4 places`,
  })
  @Optional()
  @IsDecimalField({ min: '0', max: MAX_HOURLY_RATE })
  hourlyCost?: string | number;

  @ApiPropertyOptional({
    type: String,
    example: '1.5',
    default: '1',
    description: `Block hours drawn per hour to bill: > 0, at most ${MAX_MULTIPLIER}, up to 4 places`,
  })
  @Optional()
  @IsDecimalField({ greaterThan: '0', max: MAX_MULTIPLIER })
  blockHourMultiplier?: string | number;
}
