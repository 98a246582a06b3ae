import { FeedFilterRequest, OptionalPosition } from '../feed-filter.request.dto';

export class StreamEventsRequest extends FeedFilterRequest {
  @OptionalPosition('Start after this global position (exclusive; default 0, the whole log). A `Last-Event-ID` header or `lastEventId` wins over it')
  fromPosition?: string;

  @OptionalPosition('Resume after this global position, for clients that cannot set the `Last-Event-ID` header (which wins over it)')
  lastEventId?: string;
}
