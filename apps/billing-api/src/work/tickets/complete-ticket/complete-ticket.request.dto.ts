import { ApiProperty } from '@nestjs/swagger';
import { IsId } from '../../../http/ids';
import { IsBusinessDate } from '../../../http/business-date-field';

export class CompleteTicketRequest {
  @ApiProperty()
  @IsId()
  accountId!: string;

  @ApiProperty({ description: 'A Per Ticket contract' })
  @IsId()
  contractId!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  date!: string;
}
