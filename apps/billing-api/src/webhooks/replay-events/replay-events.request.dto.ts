import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Optional } from '../../http/optional';

const POSITION = /^(0|[1-9][0-9]{0,17})$/;
const POSITION_MESSAGE = 'must be a global position: a whole number as a decimal string';

export class ReplayEventsRequest {
  @ApiProperty({ example: '1200', description: 'Replay the matching events after this global position (exclusive)' })
  @IsString()
  @Matches(POSITION, { message: `fromPosition ${POSITION_MESSAGE}` })
  fromPosition!: string;

  @ApiPropertyOptional({ example: '1500', description: 'Up to this position (inclusive); at most, and by default, the webhook’s checkpoint' })
  @Optional()
  @IsString()
  @Matches(POSITION, { message: `throughPosition ${POSITION_MESSAGE}` })
  throughPosition?: string;
}
