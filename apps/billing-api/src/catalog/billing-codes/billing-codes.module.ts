import { Module } from '@nestjs/common';
import { EventStoreModule } from '../../infrastructure/event-store.module';
import { ReadModelsModule } from '../../infrastructure/read-models.module';
import { CommandAnswersModule } from '../../http/command-answers.module';
import { CreateBillingCodeHandler } from './create-billing-code/create-billing-code.handler';
import { CreateBillingCodeHttpController } from './create-billing-code/create-billing-code.http.controller';
import { GetBillingCodeHandler, ListBillingCodesHandler } from './get-billing-code/get-billing-code.handler';
import { GetBillingCodeHttpController } from './get-billing-code/get-billing-code.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [CreateBillingCodeHttpController, GetBillingCodeHttpController],
  providers: [CreateBillingCodeHandler, GetBillingCodeHandler, ListBillingCodesHandler],
})
export class BillingCodesModule {}
