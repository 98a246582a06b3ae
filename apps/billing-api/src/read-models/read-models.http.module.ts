import { Module } from '@nestjs/common';
import { LookupsModule } from '../infrastructure/lookups.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { ContractBalanceHttpController } from './contract-balance/contract-balance.http.controller';
import { GetContractBalanceHandler } from './contract-balance/get-contract-balance.handler';
import { GetUnbilledDashboardHandler } from './unbilled-dashboard/get-unbilled-dashboard.handler';
import { UnbilledDashboardHttpController } from './unbilled-dashboard/unbilled-dashboard.http.controller';

/** The finance read models over HTTP: the unbilled-items dashboard and contract balances. */
@Module({
  imports: [ReadModelsModule, LookupsModule],
  controllers: [UnbilledDashboardHttpController, ContractBalanceHttpController],
  providers: [GetUnbilledDashboardHandler, GetContractBalanceHandler],
})
export class ReadModelsHttpModule {}
