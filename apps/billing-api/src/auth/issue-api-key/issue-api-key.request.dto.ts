import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ACTOR_ROLES, type ActorRole } from '@billing/domain';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/ids';

export class IssueApiKeyRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  id?: string;

  @ApiProperty({ example: 'payroll integration' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ACTOR_ROLES })
  @IsIn(ACTOR_ROLES)
  role!: ActorRole;
}
