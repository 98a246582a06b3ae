import { ApiProperty } from '@nestjs/swagger';
import { IsPlainText } from '../../http/plain-text';

/** Why a key is replaced; kept in the event with who replaced it. */
export class RotateApiKeyRequest {
  @ApiProperty({ example: 'bootstrap key replaced after set-up' })
  @IsPlainText({ max: 500 })
  reason!: string;
}
