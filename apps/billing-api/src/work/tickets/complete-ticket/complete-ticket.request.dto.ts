import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsBusinessDate } from '../../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../../http/ids';

export class CompleteTicketRequest {
  @ApiProperty()
  @Matches(ID_PATTERN, { message: `accountId ${ID_PATTERN_MESSAGE}` })
  accountId!: string;

  @ApiProperty({ description: 'A Per Ticket contract' })
  @Matches(ID_PATTERN, { message: `contractId ${ID_PATTERN_MESSAGE}` })
  contractId!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  date!: string;
}
