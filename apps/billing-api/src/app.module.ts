import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ApproveAndPostModule } from './approve-and-post/approve-and-post.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { ContractsModule } from './contracts/contracts.module';
import { EventsModule } from './events/events.module';
import { HealthHttpController } from './health/health.http.controller';
import { InvoicingModule } from './invoicing/invoicing.module';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor';
import { EventStoreModule } from './infrastructure/event-store.module';
import { ReadModelsModule } from './infrastructure/read-models.module';
import { ReadModelsHttpModule } from './read-models/read-models.http.module';
import { RecurringModule } from './recurring/recurring.module';
import { ReportsModule } from './reports/reports.module';
import { SettingsModule } from './settings/settings.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkModule } from './work/work.module';

/** The service: one module per area, each declaring what it imports. */
@Module({})
export class AppModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.with(config),
        CqrsModule.forRoot(),
        EventStoreModule,
        ReadModelsModule,
        AuthModule,
        CatalogModule,
        ContractsModule,
        WorkModule,
        ApproveAndPostModule,
        InvoicingModule,
        ReadModelsHttpModule,
        RecurringModule,
        SettingsModule,
        EventsModule,
        WebhooksModule,
        AuditModule,
        ReportsModule,
      ],
      controllers: [HealthHttpController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
    };
  }
}
