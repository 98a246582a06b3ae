import { Module } from '@nestjs/common';
import { EventStoreModule } from '../../infrastructure/event-store.module';
import { ReadModelsModule } from '../../infrastructure/read-models.module';
import { CommandAnswersModule } from '../../http/command-answers.module';
import { CreateAccountHandler } from './create-account/create-account.handler';
import { CreateAccountHttpController } from './create-account/create-account.http.controller';
import { GetAccountHandler, ListAccountsHandler } from './get-account/get-account.handler';
import { GetAccountHttpController } from './get-account/get-account.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [CreateAccountHttpController, GetAccountHttpController],
  providers: [CreateAccountHandler, GetAccountHandler, ListAccountsHandler],
})
export class AccountsModule {}
