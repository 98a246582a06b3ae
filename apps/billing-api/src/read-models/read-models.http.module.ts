import { Module } from '@nestjs/common';
import { ContractBalanceHttpController } from './contract-balance/contract-balance.http.controller';
import { UnbilledDashboardHttpController } from './unbilled-dashboard/unbilled-dashboard.http.controller';

/** The finance read models over HTTP: the unbilled-items dashboard and contract balances. */
@Module({ controllers: [UnbilledDashboardHttpController, ContractBalanceHttpController] })
export class ReadModelsHttpModule {}
