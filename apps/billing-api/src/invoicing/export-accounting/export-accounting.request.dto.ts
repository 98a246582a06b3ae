import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsBusinessDate } from '../../http/business-date-field';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';

export class ExportAccountingRequest implements CheckedRequest {
  @ApiProperty({ example: '2026-11-01', description: 'Invoices dated from this day (inclusive)' })
  @IsBusinessDate()
  from!: string;

  @ApiProperty({ example: '2026-11-30', description: 'Invoices dated up to this day (inclusive); not before `from`' })
  @IsBusinessDate()
  to!: string;

  @ApiPropertyOptional({ enum: ['csv'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv'], { message: 'format must be csv' })
  format?: 'csv';

  problems(): FieldProblem[] {
    return this.to < this.from ? [{ field: 'to', message: `to (${this.to}) must not be before from (${this.from})` }] : [];
  }
}
