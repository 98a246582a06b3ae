import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsId } from '../../../http/ids';

export class CreateAccountRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'acme' })
  @IsOptional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Acme Dental' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsId()
  parentAccountId?: string;

  @ApiPropertyOptional({ description: 'Non-contract items go to the parent account’s invoices', default: false })
  @IsOptional()
  @IsBoolean()
  invoiceToParent?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsId()
  taxRegionId?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  taxExempt?: boolean;

  @ApiPropertyOptional({ default: 30, minimum: 0, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;

  @ApiPropertyOptional({ default: 'USD', description: 'ISO 4217 code' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;
}
