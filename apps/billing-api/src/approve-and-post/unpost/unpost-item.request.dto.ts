import { ApiProperty } from '@nestjs/swagger';
import { IsPlainText } from '../../http/plain-text';

export class UnpostItemRequest {
  @ApiProperty({ example: 'wrong work type' })
  @IsPlainText({ max: 2000 })
  reason!: string;
}
