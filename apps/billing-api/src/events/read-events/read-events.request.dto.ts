import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from '../../http/optional';
import { FeedFilterRequest, OptionalPosition } from '../feed-filter.request.dto';

export const DEFAULT_EVENT_PAGE = 100;
export const MAX_EVENT_PAGE = 1000;

export class ReadEventsRequest extends FeedFilterRequest {
  @OptionalPosition('Events strictly after this global position (exclusive); 0, the default, is before the first event')
  fromPosition?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Events in the page, at most', default: DEFAULT_EVENT_PAGE, minimum: 1, maximum: MAX_EVENT_PAGE })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENT_PAGE)
  limit?: number;
}
