import { Module } from '@nestjs/common';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { LookupsModule } from '../infrastructure/lookups.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { AddServiceHandler } from './add-service/add-service.handler';
import { AddServiceHttpController } from './add-service/add-service.http.controller';
import { ContractReferencesLoader } from './contract-references-loader';
import { ChangeContractTermsHandler } from './change-contract-terms/change-contract-terms.handler';
import { ChangeContractTermsHttpController } from './change-contract-terms/change-contract-terms.http.controller';
import { CreateContractHandler } from './create-contract/create-contract.handler';
import { CreateContractHttpController } from './create-contract/create-contract.http.controller';
import { GetContractHandler, GetContractPurchaseHandler, GetContractServiceHandler, ListContractsHandler } from './get-contract/get-contract.handler';
import { GetContractHttpController } from './get-contract/get-contract.http.controller';
import { PurchaseBlockHandler } from './purchase-block/purchase-block.handler';
import { PurchaseBlockHttpController } from './purchase-block/purchase-block.http.controller';
import { PurchaseRetainerHandler } from './purchase-retainer/purchase-retainer.handler';
import { PurchaseRetainerHttpController } from './purchase-retainer/purchase-retainer.http.controller';
import { PurchaseTicketsHandler } from './purchase-tickets/purchase-tickets.handler';
import { PurchaseTicketsHttpController } from './purchase-tickets/purchase-tickets.http.controller';

/** Contracts of the six types, their terms, purchases and services. */
@Module({
  imports: [EventStoreModule, ReadModelsModule, LookupsModule, CommandAnswersModule],
  controllers: [
    CreateContractHttpController,
    GetContractHttpController,
    ChangeContractTermsHttpController,
    PurchaseBlockHttpController,
    PurchaseRetainerHttpController,
    PurchaseTicketsHttpController,
    AddServiceHttpController,
  ],
  providers: [
    ContractReferencesLoader,
    CreateContractHandler,
    ChangeContractTermsHandler,
    PurchaseBlockHandler,
    PurchaseRetainerHandler,
    PurchaseTicketsHandler,
    AddServiceHandler,
    GetContractHandler,
    ListContractsHandler,
    GetContractPurchaseHandler,
    GetContractServiceHandler,
  ],
})
export class ContractsModule {}
