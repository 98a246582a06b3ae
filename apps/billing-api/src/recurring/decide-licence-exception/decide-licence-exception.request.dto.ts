import { ApiProperty } from '@nestjs/swagger';
import { IsPlainText } from '../../http/plain-text';

export class DecideLicenceExceptionRequest {
  @ApiProperty({ example: 'the new office joined on the 21st' })
  @IsPlainText({ max: 2000 })
  reason!: string;
}
