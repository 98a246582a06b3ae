import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HeadsDigest } from '@billing/event-store';
import { HEADS_DIGEST_SCHEMA } from '../tamper-evidence-answers';
import { MakeDigestQuery } from './make-digest.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/digest')
export class DigestHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'An Ed25519-signed digest of every stream head (stream id, revision, hash) at the store’s last position: an RFC 6962 Merkle root, the position, ' +
      'the number of streams, when it was made, and the public key (docs/tamper-evidence.md). Keep it: POST /api/audit/digest/verify later proves that nothing up to its position changed',
  })
  @ApiOkResponse({ description: 'The signed digest', schema: HEADS_DIGEST_SCHEMA })
  @ApiConflictResponse({ description: '`chain-broken`: a stream’s hash chain is broken (GET /api/audit/verify says where); nothing is signed' })
  digest(): Promise<HeadsDigest> {
    return this.queries.execute(new MakeDigestQuery());
  }
}
