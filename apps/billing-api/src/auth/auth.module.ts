import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyStanding } from './api-key-standing';
import { ApiKeyUsage } from './api-key-usage';
import { BootstrapApiKey } from './bootstrap-api-key';
import { IssueApiKeyHandler } from './issue-api-key/issue-api-key.handler';
import { IssueApiKeyHttpController } from './issue-api-key/issue-api-key.http.controller';
import { GetApiKeyHandler, ListApiKeysHandler } from './list-api-keys/list-api-keys.handler';
import { ListApiKeysHttpController } from './list-api-keys/list-api-keys.http.controller';
import { RevokeApiKeyHandler } from './revoke-api-key/revoke-api-key.handler';
import { RevokeApiKeyHttpController } from './revoke-api-key/revoke-api-key.http.controller';
import { RotateApiKeyHandler } from './rotate-api-key/rotate-api-key.handler';
import { RotateApiKeyHttpController } from './rotate-api-key/rotate-api-key.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [IssueApiKeyHttpController, ListApiKeysHttpController, RevokeApiKeyHttpController, RotateApiKeyHttpController],
  providers: [
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    ApiKeyUsage,
    ApiKeyStanding,
    IssueApiKeyHandler,
    ListApiKeysHandler,
    GetApiKeyHandler,
    RevokeApiKeyHandler,
    RotateApiKeyHandler,
    BootstrapApiKey,
  ],
  exports: [BootstrapApiKey, ApiKeyStanding],
})
export class AuthModule {}
