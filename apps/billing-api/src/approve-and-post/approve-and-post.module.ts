import { Module } from '@nestjs/common';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { LookupsModule } from '../infrastructure/lookups.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { GetBillingItemHandler, ListBillingItemsHandler } from './billing-items/get-billing-items.handler';
import { GetBillingItemsHttpController } from './billing-items/get-billing-items.http.controller';
import { ItemApprovals } from './item-approvals';
import { PostingBatchBuilder } from './posting-batch-builder';
import { PostItemsHandler } from './post-items/post-items.handler';
import { PostItemsHttpController } from './post-items/post-items.http.controller';
import { PreviewApproveAndPostHandler } from './preview/preview-approve-and-post.handler';
import { PreviewApproveAndPostHttpController } from './preview/preview-approve-and-post.http.controller';
import { ReleaseItemsHandler } from './release-items/release-items.handler';
import { ReleaseItemsHttpController } from './release-items/release-items.http.controller';
import { UnpostItemHandler } from './unpost/unpost-item.handler';
import { UnpostItemHttpController } from './unpost/unpost-item.http.controller';

/** Approve & Post: the preview, posting, release, unposting and the posted billing items. */
@Module({
  imports: [EventStoreModule, ReadModelsModule, LookupsModule, CommandAnswersModule],
  controllers: [
    PreviewApproveAndPostHttpController,
    PostItemsHttpController,
    ReleaseItemsHttpController,
    UnpostItemHttpController,
    GetBillingItemsHttpController,
  ],
  providers: [
    PostingBatchBuilder,
    ItemApprovals,
    PreviewApproveAndPostHandler,
    PostItemsHandler,
    ReleaseItemsHandler,
    UnpostItemHandler,
    GetBillingItemHandler,
    ListBillingItemsHandler,
  ],
})
export class ApproveAndPostModule {}
