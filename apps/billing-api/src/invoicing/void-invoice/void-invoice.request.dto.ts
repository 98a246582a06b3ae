import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Optional } from '../../http/optional';
import { IsPlainText } from '../../http/plain-text';

export class VoidInvoiceRequest {
  @ApiProperty({ example: 'billed to the wrong purchase order' })
  @IsPlainText({ max: 2000 })
  reason!: string;

  @ApiPropertyOptional({ description: 'Also unpost its items (as POST /api/billing-items/{id}/unpost does): they go back to Approve & Post', default: false })
  @Optional()
  @IsBoolean()
  unpost?: boolean;
}
