import { Module } from '@nestjs/common';
import { GetBillingItemsHttpController } from './billing-items/get-billing-items.http.controller';
import { PostingBatchBuilder } from './posting-batch';
import { ApproveAndPost } from './post-items/approve-and-post.service';
import { PostItemsHttpController } from './post-items/post-items.http.controller';
import { PreviewHttpController } from './preview/preview.http.controller';
import { PreviewApproveAndPost } from './preview/preview.service';
import { ItemReleases } from './release-items/item-releases.service';
import { ReleaseItemsHttpController } from './release-items/release-items.http.controller';
import { UnpostItem } from './unpost/unpost-item.service';
import { UnpostHttpController } from './unpost/unpost.http.controller';

/** Approve & Post: the preview, posting, unposting and the posted billing items. */
@Module({
  controllers: [PreviewHttpController, PostItemsHttpController, ReleaseItemsHttpController, UnpostHttpController, GetBillingItemsHttpController],
  providers: [PostingBatchBuilder, ApproveAndPost, PreviewApproveAndPost, UnpostItem, ItemReleases],
})
export class ApproveAndPostModule {}
