import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MAX_ITEM_AMOUNT } from '@billing/domain';
import { COUNT_SCHEMA, IsCountField, IsDecimalField, itemAmountProblems } from '../../http/decimal-field';
import { IsId, OptionalId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';
import { Optional } from '../../http/optional';

export class PurchaseTicketsRequest implements CheckedRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'tix-2026-01' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ ...COUNT_SCHEMA, example: 20, description: 'A whole number of tickets from 1 to 1,000,000: a JSON number or a decimal string (`20`, `"20"`)' })
  @IsCountField({ min: 1, max: 1_000_000 })
  tickets!: number | string;

  @ApiProperty({ type: String, example: '45.00', description: `tickets × perTicketRate at most ${MAX_ITEM_AMOUNT}` })
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  perTicketRate!: string | number;

  @ApiProperty({ example: '2026-01-01', description: 'Inside the contract dates' })
  @IsBusinessDate()
  startDate!: string;

  @ApiProperty({ example: '2026-12-31', description: 'On or after the start date, inside the contract dates' })
  @IsBusinessDate()
  endDate!: string;

  @OptionalId({ description: 'A billing code: gives the purchase item its tax category; none: untaxed' })
  billingCodeId?: string;

  problems(): FieldProblem[] {
    return itemAmountProblems('perTicketRate', { tickets: this.tickets, perTicketRate: this.perTicketRate });
  }
}
