import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '../../http/optional';
import { IsPlainText } from '../../http/plain-text';

export class RemoveWebhookRequest {
  @ApiPropertyOptional({ example: 'CRM retired' })
  @Optional()
  @IsPlainText({ max: 500 })
  reason?: string;
}
