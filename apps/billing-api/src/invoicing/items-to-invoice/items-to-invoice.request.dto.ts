import { OptionalBusinessDate } from '../../http/business-date-field';
import { OptionalId } from '../../http/ids';

export class ItemsToInvoiceRequest {
  @OptionalBusinessDate({ description: 'Items dated up to this day; today when absent' })
  through?: string;

  @OptionalId({ description: 'The bill-to account' })
  accountId?: string;
}
