import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Conflict, ledgerDecider, ledgerStream, RuleViolation } from '@billing/domain';
import { EDITABLE_SOURCES } from '@billing/projections';
import { CommandMeta } from '../../auth/caller';
import { Roles } from '../../auth/roles.decorator';
import { ReadYourWrites } from '../../infrastructure/read-models.module';
import { StreamDecisions, type CommandMetadata } from '../../infrastructure/stream-decisions';
import { byLedger, PostingBatchBuilder } from '../posting-batch';
import { ItemReleases } from './item-releases.service';
import { ReleaseItemsRequest } from './release-items.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/approve-and-post/release')
export class ReleaseItemsHttpController {
  constructor(
    private readonly batches: PostingBatchBuilder,
    private readonly releases: ItemReleases,
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Release approved items that are not posted (e.g. approved with a wrong override before a crash): pending and editable again' })
  async release(@Body() body: ReleaseItemsRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ released: string[] }> {
    await this.readYourWrites.waitForHead();
    const refs = this.batches.resolve(body.itemIds);
    const items = await this.batches.prepareAll(refs);
    for (const item of items) {
      if (!EDITABLE_SOURCES.includes(item.ref.sourceType)) throw new RuleViolation('not-approved-on-its-own', `${item.ref.sourceType.toLowerCase().replace('_', ' ')} ${item.pending.id} has no approval of its own to release`);
    }
    for (const [billToAccountId, group] of byLedger(items)) {
      const posted = await this.streams.withStream(
        ledgerStream(billToAccountId),
        ledgerDecider,
        async ({ state }) => group.map((item) => ({ id: item.pending.id, as: state.postedBySource.get(item.pending.id) })).find((p) => p.as),
        { cache: true },
      );
      if (posted) throw new Conflict(`item ${posted.id} is posted as ${posted.as!.join(', ')}; unpost it instead`, 'item-posted');
    }
    const released: string[] = [];
    let position = 0n;
    for (const item of items) {
      if (item.approval?.status !== 'approved') continue;
      const at = await this.releases.release(item.ref, body.reason, [], metadata);
      if (at > position) position = at;
      released.push(item.pending.id);
    }
    await this.readYourWrites.waitFor(position);
    return { released };
  }
}
