import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class UnpostItemRequest {
  @ApiProperty({ example: 'wrong work type' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
