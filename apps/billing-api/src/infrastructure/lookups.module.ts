import { Module } from '@nestjs/common';
import { BillingLookups } from './billing-lookups';
import { EventStoreModule } from './event-store.module';
import { ItemIdClaims } from './item-id-claims';
import { ReadModelsModule } from './read-models.module';

/** What commands of every area read of the catalog, contracts and settings, and the item id claims. */
@Module({
  imports: [EventStoreModule, ReadModelsModule],
  providers: [BillingLookups, ItemIdClaims],
  exports: [BillingLookups, ItemIdClaims],
})
export class LookupsModule {}
