import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { openEventStore } from './event-store.provider';
import { StreamDecisions } from './stream-decisions';

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openEventStore(config) },
    StreamDecisions,
  ],
  exports: [EVENT_STORE, StreamDecisions],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
