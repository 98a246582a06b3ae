import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { HeadsDigest } from '@billing/event-store';

const HEX_64 = /^[0-9a-f]{64}$/;

/** A digest as `GET /api/audit/digest` answered it, field for field. */
export class VerifyDigestRequest implements HeadsDigest {
  @ApiProperty({ enum: ['ledger-heads-digest/1'] })
  @IsIn(['ledger-heads-digest/1'])
  format!: 'ledger-heads-digest/1';

  @ApiProperty({ example: '1234', description: 'The global position the digest covers' })
  @IsString()
  @Matches(/^(0|[1-9][0-9]{0,18})$/, { message: 'position must be a whole number as a decimal string' })
  position!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  streams!: number;

  @ApiProperty({ pattern: HEX_64.source })
  @Matches(HEX_64, { message: 'merkleRoot must be 64 lowercase hex digits' })
  merkleRoot!: string;

  @ApiProperty({ format: 'date-time' })
  @IsString()
  @MaxLength(40)
  madeAt!: string;

  @ApiProperty({ enum: ['Ed25519'] })
  @IsIn(['Ed25519'])
  algorithm!: 'Ed25519';

  @ApiProperty({ pattern: HEX_64.source })
  @Matches(HEX_64, { message: 'keyId must be 64 lowercase hex digits' })
  keyId!: string;

  @ApiProperty({ description: 'SPKI PEM' })
  @IsString()
  @MaxLength(1000)
  publicKey!: string;

  @ApiProperty({ format: 'byte', description: 'base64' })
  @IsBase64()
  @MaxLength(200)
  signature!: string;
}
