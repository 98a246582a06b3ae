import { Module } from '@nestjs/common';
import { CreateBillingCodeHandler } from './create-billing-code/create-billing-code.handler';
import { CreateBillingCodeHttpController } from './create-billing-code/create-billing-code.http.controller';
import { GetBillingCodeHandler, ListBillingCodesHandler } from './get-billing-code/get-billing-code.handler';
import { GetBillingCodeHttpController } from './get-billing-code/get-billing-code.http.controller';

@Module({
  controllers: [CreateBillingCodeHttpController, GetBillingCodeHttpController],
  providers: [CreateBillingCodeHandler, GetBillingCodeHandler, ListBillingCodesHandler],
})
export class BillingCodesModule {}
