import { ApiProperty } from '@nestjs/swagger';
import { IsPlainText } from '../../http/plain-text';

/** Why a key stops working; kept in the event with who revoked it. */
export class RevokeApiKeyRequest {
  @ApiProperty({ example: 'laptop stolen' })
  @IsPlainText({ max: 500 })
  reason!: string;
}
