import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../http/business-date-field';

export class AccrueRecurringRequest {
  @ApiProperty({ example: '2026-11-30', description: 'Accrue every period (and setup fee) that has started on or before this date' })
  @IsBusinessDate()
  through!: string;
}
