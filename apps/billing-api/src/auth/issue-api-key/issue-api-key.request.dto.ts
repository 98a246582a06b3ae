import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { ACTOR_ROLES, type ActorRole } from '@billing/domain';
import { ID_PATTERN, ID_PATTERN_MESSAGE, OptionalId } from '../../http/ids';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';
import { Optional } from '../../http/optional';
import { IsPlainText } from '../../http/plain-text';

export class IssueApiKeyRequest implements CheckedRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent' })
  @Optional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  id?: string;

  @ApiProperty({ example: 'payroll integration' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({ enum: ACTOR_ROLES })
  @IsIn(ACTOR_ROLES)
  role!: ActorRole;

  @OptionalId({ description: 'Required for technician keys: the person whose work the key may touch; other roles have none' })
  resourceId?: string;

  problems(): FieldProblem[] {
    if (this.role === 'technician' && this.resourceId === undefined)
      return [{ field: 'resourceId', message: 'resourceId is required for a technician key: the person whose work it may touch' }];
    if (this.role !== 'technician' && this.resourceId !== undefined)
      return [{ field: 'resourceId', message: `resourceId is only for technician keys; a ${this.role} key acts for nobody in particular` }];
    return [];
  }
}
