import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsDecimalField } from '../../http/decimal-field';
import { IsId } from '../../http/ids';

export class AddServiceRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'managed-desktop' })
  @IsOptional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Managed desktop' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: String, example: '25', description: 'Users, devices, licences…' })
  @IsDecimalField({ min: '0' })
  units!: string | number;

  @ApiProperty({ type: String, example: '30.00', description: 'Per unit per period' })
  @IsDecimalField({ min: '0' })
  unitPrice!: string | number;

  @ApiPropertyOptional({ type: String, example: '12.00', default: '0', description: 'What the MSP pays per unit per period' })
  @IsOptional()
  @IsDecimalField({ min: '0' })
  unitCost?: string | number;

  @ApiPropertyOptional({ description: 'A billing code of type service' })
  @IsOptional()
  @IsString()
  @IsId()
  billingCodeId?: string;
}
