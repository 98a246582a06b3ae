import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { ArrayOfDistinct } from '../../http/array-of-distinct';
import { IsBusinessDate, OptionalBusinessDate } from '../../http/business-date-field';
import { ID_PATTERN, OptionalId } from '../../http/ids';
import { Optional } from '../../http/optional';

export class RunInvoicesRequest {
  @OptionalId({ description: 'The run’s id: the same id and body again answers the same invoices and creates none; another body is 409' })
  id?: string;

  @ApiProperty({ example: '2026-11-30', description: 'The invoices’ date; due dates count from it' })
  @IsBusinessDate()
  invoiceDate!: string;

  @OptionalBusinessDate({ description: 'Invoice the items dated up to this day; the invoice date when absent, never after it (422)', example: '2026-11-30' })
  through?: string;

  @ApiPropertyOptional({ type: [String], description: 'The bill-to accounts to invoice (each must exist); every account with items to invoice when absent' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @ArrayOfDistinct()
  @Matches(ID_PATTERN, { each: true, message: 'each account id must be an id' })
  accountIds?: string[];
}
