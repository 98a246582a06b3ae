import { Module } from '@nestjs/common';
import { EventStoreModule } from '../../infrastructure/event-store.module';
import { ReadModelsModule } from '../../infrastructure/read-models.module';
import { CommandAnswersModule } from '../../http/command-answers.module';
import { CreateTaxRegionHandler } from './create-tax-region/create-tax-region.handler';
import { CreateTaxRegionHttpController } from './create-tax-region/create-tax-region.http.controller';
import { GetTaxRegionHandler, ListTaxRegionsHandler } from './get-tax-region/get-tax-region.handler';
import { GetTaxRegionHttpController } from './get-tax-region/get-tax-region.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [CreateTaxRegionHttpController, GetTaxRegionHttpController],
  providers: [CreateTaxRegionHandler, GetTaxRegionHandler, ListTaxRegionsHandler],
})
export class TaxRegionsModule {}
