import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId } from '../../../http/ids';

export class CreateRoleRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'engineer' })
  @IsOptional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Network Engineer' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: String, example: '150', description: 'What the customer pays per hour: a decimal string (or JSON number) ≥ 0, up to 4 places' })
  @IsDecimalField({ min: '0' })
  hourlyRate!: string | number;

  @ApiPropertyOptional({ type: String, example: '62.50', default: '0', description: 'What the MSP pays per hour: ≥ 0, up to 4 places' })
  @IsOptional()
  @IsDecimalField({ min: '0' })
  hourlyCost?: string | number;

  @ApiPropertyOptional({ type: String, example: '1.5', default: '1', description: 'Block hours drawn per hour to bill: > 0, up to 4 places' })
  @IsOptional()
  @IsDecimalField({ greaterThan: '0' })
  blockHourMultiplier?: string | number;
}
