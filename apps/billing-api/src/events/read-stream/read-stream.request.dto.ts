import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from '../../http/optional';
import { OptionalPosition } from '../feed-filter.request.dto';
import { DEFAULT_EVENT_PAGE, MAX_EVENT_PAGE } from '../read-events/read-events.request.dto';

export class ReadStreamRequest {
  @OptionalPosition("The first revision of the page (inclusive: a stream's first event is revision 0, the default)")
  fromRevision?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Events in the page, at most', default: DEFAULT_EVENT_PAGE, minimum: 1, maximum: MAX_EVENT_PAGE })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENT_PAGE)
  limit?: number;
}
