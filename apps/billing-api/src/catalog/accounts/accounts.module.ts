import { Module } from '@nestjs/common';
import { CreateAccountHandler } from './create-account/create-account.handler';
import { CreateAccountHttpController } from './create-account/create-account.http.controller';
import { GetAccountHandler, ListAccountsHandler } from './get-account/get-account.handler';
import { GetAccountHttpController } from './get-account/get-account.http.controller';

@Module({
  controllers: [CreateAccountHttpController, GetAccountHttpController],
  providers: [CreateAccountHandler, GetAccountHandler, ListAccountsHandler],
})
export class AccountsModule {}
