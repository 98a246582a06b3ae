import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DIGEST_CHECK_SCHEMA, type DigestCheckAnswer } from '../tamper-evidence-answers';
import { VerifyDigestQuery } from './verify-digest.query';
import { VerifyDigestRequest } from './verify-digest.request.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/digest')
export class VerifyDigestHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Checks a digest kept from GET /api/audit/digest: its signature, and whether the store still holds exactly its stream heads at its position with every chain ' +
      'up to there unbroken. Writes nothing. Compare `keyId` with the key you trust: a valid signature says only that the digest’s own key signed it',
  })
  @ApiOkResponse({ description: 'The outcome of each check; `valid` when the signature and the store both check out', schema: DIGEST_CHECK_SCHEMA })
  verify(@Body() digest: VerifyDigestRequest): Promise<DigestCheckAnswer> {
    const { format, position, streams, merkleRoot, madeAt, algorithm, keyId, publicKey, signature } = digest;
    return this.queries.execute(new VerifyDigestQuery({ format, position, streams, merkleRoot, madeAt, algorithm, keyId, publicKey, signature }));
  }
}
