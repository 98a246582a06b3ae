import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN } from '../../http/ids';

export class ReleaseItemsRequest {
  @ApiProperty({ type: [String], description: 'Approved items not yet posted (time entries, charges, expenses)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20000)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true, message: 'each item id must be an id' })
  itemIds!: string[];

  @ApiProperty({ example: 'approved with the wrong rate' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
