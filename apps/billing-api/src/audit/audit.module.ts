import { Module } from '@nestjs/common';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { AS_OF_PROVIDERS } from './as-of/as-of.providers';
import { LedgerSnapshotSweep } from './as-of/ledger-snapshot-sweep';
import { GetContractBalanceAsOfHandler } from './contract-balance-as-of/get-contract-balance-as-of.handler';
import { GetContractBalanceAsOfHttpController } from './contract-balance-as-of/get-contract-balance-as-of.http.controller';
import { GetItemHistoryHandler } from './item-history/get-item-history.handler';
import { GetItemHistoryHttpController } from './item-history/get-item-history.http.controller';
import { GetLedgerAsOfHandler } from './ledger-as-of/get-ledger-as-of.handler';
import { GetLedgerAsOfHttpController } from './ledger-as-of/get-ledger-as-of.http.controller';
import { DigestHttpController } from './digest/digest.http.controller';
import { MakeDigestHandler } from './digest/make-digest.handler';
import { LedgerSigningKey } from './ledger-signing-key';
import { VerifyChainHandler } from './verify-chain/verify-chain.handler';
import { VerifyChainHttpController } from './verify-chain/verify-chain.http.controller';
import { VerifyDigestHandler } from './verify-digest/verify-digest.handler';
import { VerifyDigestHttpController } from './verify-digest/verify-digest.http.controller';

/** Issue 10 (auditors and downstream services): filled in by its use cases. */
@Module({
  imports: [EventStoreModule, ReadModelsModule],
  controllers: [
    VerifyChainHttpController,
    DigestHttpController,
    VerifyDigestHttpController,
    GetItemHistoryHttpController,
    GetContractBalanceAsOfHttpController,
    GetLedgerAsOfHttpController,
  ],
  providers: [
    LedgerSigningKey,
    VerifyChainHandler,
    MakeDigestHandler,
    VerifyDigestHandler,
    GetItemHistoryHandler,
    GetContractBalanceAsOfHandler,
    GetLedgerAsOfHandler,
    ...AS_OF_PROVIDERS,
    LedgerSnapshotSweep,
  ],
})
export class AuditModule {}
