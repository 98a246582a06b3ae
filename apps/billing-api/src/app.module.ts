import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ApproveAndPostModule } from './approve-and-post/approve-and-post.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ContractsModule } from './contracts/contracts.module';
import { HealthHttpController } from './health/health.http.controller';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor';
import { RequestLogMiddleware } from './http/request-log.middleware';
import { EventStoreModule } from './infrastructure/event-store.module';
import { BillingLookups } from './infrastructure/billing-lookups';
import { ItemIdClaims } from './infrastructure/item-id-claims';
import { ReadModelsModule } from './infrastructure/read-models.module';
import { ReadModelsHttpModule } from './read-models/read-models.http.module';
import { SettingsHttpController } from './settings/settings.http.controller';
import { WorkModule } from './work/work.module';

@Module({})
export class AppModule implements NestModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [CqrsModule.forRoot(), EventStoreModule, ReadModelsModule, AuthModule, CatalogModule, ContractsModule, WorkModule, ApproveAndPostModule, ReadModelsHttpModule],
      controllers: [HealthHttpController, SettingsHttpController],
      providers: [{ provide: APP_CONFIG, useValue: config }, BillingLookups, ItemIdClaims, { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
      exports: [APP_CONFIG, BillingLookups, ItemIdClaims],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware).forRoutes('*path');
  }
}
