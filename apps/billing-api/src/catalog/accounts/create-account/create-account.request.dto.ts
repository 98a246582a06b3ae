import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { IsId } from '../../../http/ids';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

export class CreateAccountRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'acme' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Acme Dental' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsId()
  parentAccountId?: string;

  @ApiPropertyOptional({ description: 'Non-contract items go to the parent account’s invoices', default: false })
  @Optional()
  @IsBoolean()
  invoiceToParent?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsId()
  taxRegionId?: string;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  taxExempt?: boolean;

  @ApiPropertyOptional({ default: 30, minimum: 0, maximum: 365 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;

  @ApiPropertyOptional({ default: 'USD', description: 'ISO 4217 code' })
  @Optional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;
}
