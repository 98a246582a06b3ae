import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { WEBHOOK_ALL_TYPES } from '@billing/domain';
import { OptionalId } from '../../http/ids';
import { Optional } from '../../http/optional';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';
import { IsWebhookUrl } from './webhook-url';

/** An event type as the ledger names them (`ItemPosted`), or `*`. */
const TYPE_PATTERN = /^(\*|[A-Za-z][A-Za-z0-9_.:-]{0,99})$/;
/** Printable ASCII, no spaces: a secret the receiver can keep in an environment variable. */
const SECRET_PATTERN = /^[\x21-\x7E]+$/;
export const MAX_WEBHOOK_TYPES = 100;

export class RegisterWebhookRequest implements CheckedRequest {
  @OptionalId({ description: 'Client id; the server makes a UUID when absent' })
  id?: string;

  @ApiProperty({ example: 'https://crm.example.com/ledger-events', description: 'http or https; deliveries are POSTed here' })
  @IsWebhookUrl()
  url!: string;

  @ApiProperty({
    type: [String],
    example: ['ItemPosted', 'InvoiceGenerated'],
    description: 'Event types to deliver (docs/events.md), or ["*"] for every type. A type no event has yet is accepted: it matches once such events exist.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'types must name at least one event type, or ["*"] for every type' })
  @ArrayMaxSize(MAX_WEBHOOK_TYPES)
  @IsString({ each: true })
  @Matches(TYPE_PATTERN, { each: true, message: 'each of types must be an event type name (letters, digits and _ . : -, starting with a letter) or *' })
  types!: string[];

  @ApiPropertyOptional({
    description: 'The signing secret, 16 to 256 printable characters; absent: the server makes one and shows it in this answer only',
  })
  @Optional()
  @IsString()
  @Length(16, 256)
  @Matches(SECRET_PATTERN, { message: 'secret must be printable ASCII without spaces' })
  secret?: string;

  problems(): FieldProblem[] {
    if (this.types.includes(WEBHOOK_ALL_TYPES) && this.types.length > 1)
      return [{ field: 'types', message: '* means every type: send ["*"] alone, or name the types' }];
    return [];
  }
}
