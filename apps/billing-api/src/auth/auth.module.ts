import { Module } from '@nestjs/common';
import { CommandAnswersModule } from '../http/command-answers.module';
import { APP_GUARD } from '@nestjs/core';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { ApiKeyGuard } from './api-key.guard';
import { BootstrapApiKey } from './bootstrap-api-key';
import { IssueApiKeyHandler } from './issue-api-key/issue-api-key.handler';
import { IssueApiKeyHttpController } from './issue-api-key/issue-api-key.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [IssueApiKeyHttpController],
  providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }, IssueApiKeyHandler, BootstrapApiKey],
  exports: [BootstrapApiKey],
})
export class AuthModule {}
