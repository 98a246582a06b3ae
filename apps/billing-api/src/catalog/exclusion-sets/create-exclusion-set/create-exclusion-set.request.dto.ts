import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE, IsId } from '../../../http/ids';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

/** At most this many ids per list; Autotask has nothing near it in practice. */
export const MAX_EXCLUDED_IDS = 500;

export class CreateExclusionSetRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'bronze' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Bronze' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['onsite', 'after-hours'],
    description: 'Excluded work types; each must exist. A set: order and repeats do not matter',
  })
  @IsArray()
  @ArrayMaxSize(MAX_EXCLUDED_IDS)
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: `each of workTypeIds ${ID_PATTERN_MESSAGE}` })
  workTypeIds!: string[];

  @ApiProperty({ type: [String], example: ['engineer'], description: 'Excluded roles; each must exist. A set: order and repeats do not matter' })
  @IsArray()
  @ArrayMaxSize(MAX_EXCLUDED_IDS)
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: `each of roleIds ${ID_PATTERN_MESSAGE}` })
  roleIds!: string[];
}
