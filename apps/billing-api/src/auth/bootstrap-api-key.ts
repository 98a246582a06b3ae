import { Inject, Injectable, Logger } from '@nestjs/common';
import { apiKeyDecider, apiKeyStream } from '@billing/domain';
import { APP_CONFIG } from '../config/app-config.token';
import { type AppConfig } from '../config/app-config';
import { ReadYourWrites } from '../infrastructure/read-your-writes';
import { StreamDecisions } from '../infrastructure/stream-decisions';
import { hashApiKey, newApiKey } from './api-key-hash';

export const BOOTSTRAP_KEY_ID = 'bootstrap';

/**
 * On the first start with an empty store, issues a `finance` key: the one in
 * BILLING_BOOTSTRAP_KEY, else a new one printed once in the log.
 */
@Injectable()
export class BootstrapApiKey {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensure(): Promise<void> {
    const key = this.config.bootstrapKey ?? newApiKey();
    const keyHash = hashApiKey(key);
    const { events, state, position } = await this.streams.decide(
      apiKeyStream(BOOTSTRAP_KEY_ID),
      apiKeyDecider,
      { type: 'IssueApiKey', apiKeyId: BOOTSTRAP_KEY_ID, name: 'bootstrap', role: 'finance', keyHash, bootstrap: true, resourceId: null },
      {
        actor: 'system',
        actorRole: 'system',
        correlationId: 'bootstrap',
        causationId: 'bootstrap',
        occurredAt: new Date().toISOString(),
      },
    );
    await this.readYourWrites.waitFor(position);
    if (events.length === 0) {
      if (this.config.bootstrapKey && state.status === 'issued' && state.key.keyHash !== keyHash)
        this.logger.warn('BILLING_BOOTSTRAP_KEY is ignored: this store issued its bootstrap key on an earlier start');
      return;
    }
    if (this.config.bootstrapKey) this.logger.log('bootstrap finance API key issued from BILLING_BOOTSTRAP_KEY');
    else this.logger.warn({ msg: 'bootstrap finance API key issued; keep it now, it is never shown again', bootstrapKey: key });
  }
}
