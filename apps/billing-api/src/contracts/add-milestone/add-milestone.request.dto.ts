import { ApiProperty } from '@nestjs/swagger';
import { MAX_ITEM_AMOUNT } from '@billing/domain';
import { IsBusinessDate } from '../../http/business-date-field';
import { IsDecimalField } from '../../http/decimal-field';
import { OptionalId } from '../../http/ids';
import { IsPlainText } from '../../http/plain-text';

export class AddMilestoneRequest {
  @OptionalId({
    description: 'Client id; it names the milestone in Approve & Post, so it is unique across every item; the server makes a UUID when absent',
    example: 'web-design',
  })
  id?: string;

  @ApiProperty({ example: 'Design signed off' })
  @IsPlainText({ max: 200 })
  title!: string;

  @ApiProperty({ type: String, example: '5000.00', description: `What the milestone bills: above 0, at most ${MAX_ITEM_AMOUNT}, up to 4 places` })
  @IsDecimalField({ greaterThan: '0', max: MAX_ITEM_AMOUNT })
  amount!: string | number;

  @ApiProperty({ example: '2026-03-31', description: 'Inside the contract dates; billable from this date once marked ready' })
  @IsBusinessDate()
  dueDate!: string;

  @OptionalId({ description: 'A billing code (of type milestone): gives the milestone its tax category; none: untaxed' })
  billingCodeId?: string;
}
