import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { BILLING_CODE_TYPES, type BillingCodeType } from '@billing/domain';
import { IsId } from '../../../http/ids';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

export class CreateBillingCodeRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'hardware' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Hardware' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({ enum: BILLING_CODE_TYPES })
  @IsIn(BILLING_CODE_TYPES)
  type!: BillingCodeType;

  @ApiPropertyOptional({ example: 'goods', description: 'The tax category of its items, a code matching the tax regions’ rates; absent: untaxed' })
  @Optional()
  @IsString()
  @IsId()
  taxCategory?: string;

  @ApiPropertyOptional({ example: '4000-Hardware', description: 'General ledger account for the accounting export' })
  @Optional()
  @IsPlainText({ max: 100 })
  glAccount?: string;
}
