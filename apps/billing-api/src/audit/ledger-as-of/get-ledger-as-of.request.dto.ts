import { PageRequest } from '../../http/paging';
import { AsOfField } from '../as-of/as-of.request.dto';

/** `asOf`, and the page of posted items (in posting order). */
export class GetLedgerAsOfRequest extends PageRequest {
  @AsOfField()
  asOf?: string;
}
