import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { GetProfitabilityHandler } from './profitability/get-profitability.handler';
import { ProfitabilityHttpController } from './profitability/profitability.http.controller';

/** Reports over the read models: profitability (billing-rules §11). */
@Module({
  imports: [ReadModelsModule],
  controllers: [ProfitabilityHttpController],
  providers: [GetProfitabilityHandler],
})
export class ReportsModule {}
