import { EventPageLimit, FeedFilterRequest, OptionalPosition } from '../feed-filter.request.dto';

export class ReadEventsRequest extends FeedFilterRequest {
  @OptionalPosition('Events strictly after this global position (exclusive); 0, the default, is before the first event')
  fromPosition?: string;

  @EventPageLimit()
  limit?: number;
}
