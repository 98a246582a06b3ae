import { EventPageLimit, OptionalPosition } from '../feed-filter.request.dto';

export class ReadStreamRequest {
  @OptionalPosition("The first revision of the page (inclusive: a stream's first event is revision 0, the default)")
  fromRevision?: string;

  @EventPageLimit()
  limit?: number;
}
