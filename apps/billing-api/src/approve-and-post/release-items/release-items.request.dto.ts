import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { ArrayOfDistinct } from '../../http/array-of-distinct';
import { ID_PATTERN } from '../../http/ids';
import { IsPlainText } from '../../http/plain-text';

export class ReleaseItemsRequest {
  @ApiProperty({ type: [String], description: 'Approved items not yet posted (time entries, charges, expenses)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20000)
  @ArrayOfDistinct()
  @Matches(ID_PATTERN, { each: true, message: 'each item id must be an id' })
  itemIds!: string[];

  @ApiProperty({ example: 'approved with the wrong rate' })
  @IsPlainText({ max: 2000 })
  reason!: string;
}
