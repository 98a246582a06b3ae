import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { DeliveryLog } from './delivery/delivery-log';
import { WebhookDispatcher } from './delivery/webhook-dispatcher';
import { WebhookSecrets, webhookSecretsKey } from './delivery/webhook-secrets';
import { GetWebhookHandler, ListWebhooksHandler } from './get-webhooks/get-webhooks.handler';
import { GetWebhooksHttpController } from './get-webhooks/get-webhooks.http.controller';
import { ListDeliveriesHandler } from './list-deliveries/list-deliveries.handler';
import { ListDeliveriesHttpController } from './list-deliveries/list-deliveries.http.controller';
import { RegisterWebhookHandler } from './register-webhook/register-webhook.handler';
import { RegisterWebhookHttpController } from './register-webhook/register-webhook.http.controller';
import { RemoveWebhookHandler } from './remove-webhook/remove-webhook.handler';
import { RemoveWebhookHttpController } from './remove-webhook/remove-webhook.http.controller';
import { ReplayDeliveryHandler } from './replay-delivery/replay-delivery.handler';
import { ReplayDeliveryHttpController } from './replay-delivery/replay-delivery.http.controller';
import { ReplayEventsHandler } from './replay-events/replay-events.handler';
import { ReplayEventsHttpController } from './replay-events/replay-events.http.controller';
import { ResumeWebhookHandler } from './resume-webhook/resume-webhook.handler';
import { ResumeWebhookHttpController } from './resume-webhook/resume-webhook.http.controller';

/** The delivery log's file: in the data folder, beside the store (never among the read models, which a rebuild replaces). */
export const deliveryLogFile = (config: AppConfig) => (config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'webhook-deliveries.sqlite'));

/** Webhooks (docs/webhooks.md): registration, pause and resume as events; delivery by a dispatcher inside the service. */
@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [
    RegisterWebhookHttpController,
    GetWebhooksHttpController,
    RemoveWebhookHttpController,
    ResumeWebhookHttpController,
    ListDeliveriesHttpController,
    ReplayDeliveryHttpController,
    ReplayEventsHttpController,
  ],
  providers: [
    {
      provide: DeliveryLog,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (config.dataDir !== ':memory:') mkdirSync(config.dataDir, { recursive: true });
        return new DeliveryLog(deliveryLogFile(config));
      },
    },
    { provide: WebhookSecrets, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new WebhookSecrets(webhookSecretsKey(config)) },
    WebhookDispatcher,
    RegisterWebhookHandler,
    ListWebhooksHandler,
    GetWebhookHandler,
    ResumeWebhookHandler,
    RemoveWebhookHandler,
    ListDeliveriesHandler,
    ReplayDeliveryHandler,
    ReplayEventsHandler,
  ],
})
export class WebhooksModule implements OnApplicationShutdown {
  constructor(private readonly log: DeliveryLog) {}

  /** After the dispatcher has stopped (before shutdown), so no acknowledgement is left unrecorded. */
  onApplicationShutdown(): void {
    this.log.close();
  }
}
