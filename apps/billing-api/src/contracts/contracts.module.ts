import { Module } from '@nestjs/common';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { LookupsModule } from '../infrastructure/lookups.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { AddMilestoneHandler } from './add-milestone/add-milestone.handler';
import { AddMilestoneHttpController } from './add-milestone/add-milestone.http.controller';
import { AddServiceHandler } from './add-service/add-service.handler';
import { AddServiceHttpController } from './add-service/add-service.http.controller';
import { ContractReferencesLoader } from './contract-references-loader';
import { ChangeContractTermsHandler } from './change-contract-terms/change-contract-terms.handler';
import { ChangeContractTermsHttpController } from './change-contract-terms/change-contract-terms.http.controller';
import { CreateContractHandler } from './create-contract/create-contract.handler';
import { CreateContractHttpController } from './create-contract/create-contract.http.controller';
import {
  GetContractHandler,
  GetContractMilestoneHandler,
  GetContractPurchaseHandler,
  GetContractServiceHandler,
  ListContractsHandler,
} from './get-contract/get-contract.handler';
import { GetContractHttpController } from './get-contract/get-contract.http.controller';
import { MarkMilestoneReadyHandler } from './mark-milestone-ready/mark-milestone-ready.handler';
import { MarkMilestoneReadyHttpController } from './mark-milestone-ready/mark-milestone-ready.http.controller';
import { PurchaseBlockHandler } from './purchase-block/purchase-block.handler';
import { PurchaseBlockHttpController } from './purchase-block/purchase-block.http.controller';
import { PurchaseRetainerHandler } from './purchase-retainer/purchase-retainer.handler';
import { PurchaseRetainerHttpController } from './purchase-retainer/purchase-retainer.http.controller';
import { PurchaseTicketsHandler } from './purchase-tickets/purchase-tickets.handler';
import { PurchaseTicketsHttpController } from './purchase-tickets/purchase-tickets.http.controller';

/** Contracts of the six types, their terms, purchases, services and milestones. */
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
    AddMilestoneHttpController,
    MarkMilestoneReadyHttpController,
  ],
  providers: [
    ContractReferencesLoader,
    CreateContractHandler,
    ChangeContractTermsHandler,
    PurchaseBlockHandler,
    PurchaseRetainerHandler,
    PurchaseTicketsHandler,
    AddServiceHandler,
    AddMilestoneHandler,
    MarkMilestoneReadyHandler,
    GetContractHandler,
    ListContractsHandler,
    GetContractPurchaseHandler,
    GetContractServiceHandler,
    GetContractMilestoneHandler,
  ],
})
export class ContractsModule {}
