import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MAX_ITEM_AMOUNT } from '@billing/domain';
import { DECIMAL_SCHEMA, IsDecimalField, itemAmountProblems } from '../../http/decimal-field';
import { IsId } from '../../http/ids';
import { Optional } from '../../http/optional';
import { IsPlainText } from '../../http/plain-text';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';

export class AddServiceRequest implements CheckedRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'managed-desktop' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Managed desktop' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({ ...DECIMAL_SCHEMA, example: '25', description: 'Users, devices, licences…: a decimal string or a JSON number, at least 0, up to 4 places' })
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  units!: string | number;

  @ApiProperty({ type: String, example: '30.00', description: `Per unit per period; units × unitPrice at most ${MAX_ITEM_AMOUNT}` })
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  unitPrice!: string | number;

  @ApiPropertyOptional({ type: String, example: '12.00', default: '0', description: 'What the MSP pays per unit per period' })
  @Optional()
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  unitCost?: string | number;

  @ApiPropertyOptional({ description: 'A billing code of type service' })
  @Optional()
  @IsString()
  @IsId()
  billingCodeId?: string;

  problems(): FieldProblem[] {
    return itemAmountProblems('unitPrice', { units: this.units, unitPrice: this.unitPrice });
  }
}
