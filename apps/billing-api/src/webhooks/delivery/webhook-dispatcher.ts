import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { webhookDecider, webhookStream, type WebhookStatus } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { webhookRevisions } from '@billing/projections';
import { DEFAULT_WEBHOOK_DELIVERY, type AppConfig, type WebhookDelivery } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { DeliveryClient } from './delivery-client';
import { DeliveryLog } from './delivery-log';
import { EndpointWorker, type Endpoint } from './endpoint-worker';
import { WebhookSecrets } from './webhook-secrets';

interface KnownWebhook {
  status: WebhookStatus;
  /** The revision of the webhook's stream this status was read at. */
  revision: bigint;
  /** What a worker needs, while the webhook is active and its secret opens. */
  endpoint?: Endpoint;
  worker?: EndpointWorker;
  /** Why it cannot be delivered to (its secret does not open), for operators. */
  problem?: string;
}

/** The delivery settings of a configuration, defaults filled in. */
export const webhookDelivery = (config: AppConfig): WebhookDelivery => ({ ...DEFAULT_WEBHOOK_DELIVERY, ...config.webhooks });

/**
 * Runs inside the service (unless `LEDGER_WEBHOOKS_DISPATCH=false`): every `pollMs` it compares
 * the webhooks read model with what it delivers to, reads a changed webhook's stream for its
 * latest state (and secret), and starts or stops one `EndpointWorker` per active webhook.
 * It stops cleanly with the application, before the store and the read models close.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly settings: WebhookDelivery;
  private readonly known = new Map<string, KnownWebhook>();
  /** Webhooks to read from their streams at the next look, whatever the read model says. */
  private readonly stale = new Set<string>();
  private readonly client = new DeliveryClient();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    private readonly streams: StreamDecisions,
    private readonly log: DeliveryLog,
    private readonly secrets: WebhookSecrets,
  ) {
    this.settings = webhookDelivery(config);
  }

  /** Whether this instance delivers webhooks. */
  get dispatching(): boolean {
    return this.settings.dispatch;
  }

  onApplicationBootstrap(): void {
    if (this.settings.dispatch) this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.all([...this.known.values()].map((webhook) => webhook.worker?.stop()));
    this.client.close();
  }

  /**
   * A webhook changed on this instance (resumed, removed): read its stream now rather than wait
   * for the read model and the next poll.
   */
  refresh(webhookId: string): void {
    if (!this.settings.dispatch || this.stopped) return;
    this.stale.add(webhookId);
    if (this.ticking) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** A replay was queued: the webhook's worker looks for it now. */
  wake(webhookId: string): void {
    this.known.get(webhookId)?.worker?.wake();
  }

  /** What an operator needs to know of a webhook's delivery on this instance. */
  deliveryState(webhookId: string): { delivering: boolean; problem: string | null } {
    const known = this.known.get(webhookId);
    return { delivering: known?.worker?.running ?? false, problem: known?.problem ?? null };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .catch((error: unknown) => this.logger.error(`webhook dispatch: ${error instanceof Error ? error.stack : String(error)}`))
        .finally(() => {
          this.ticking = undefined;
          this.schedule(this.settings.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let rows: ReturnType<typeof webhookRevisions>;
    try {
      rows = webhookRevisions(this.readModels);
    } catch {
      return; // the read model's table is not there yet (the projections are starting)
    }
    const stale = new Set(this.stale);
    this.stale.clear();
    const ids = [...new Set([...rows.map((row) => row.id), ...stale])];
    const revisions = new Map(rows.map((row) => [row.id, row.revision]));
    for (const id of ids) {
      if (this.stopped) return;
      let known = this.known.get(id);
      // A worker that ended (a pause, an error) is replaced only after a fresh read of the stream.
      const ended = known?.worker !== undefined && !known.worker.running;
      if (!known || ended || stale.has(id) || (revisions.get(id) ?? -1n) > known.revision) known = await this.reload(id, ended ? undefined : known);
      if (!known) continue;
      const running = known.worker?.running ?? false;
      if (known.status === 'active' && !running) this.start(known);
      if (known.status !== 'active' && running) await known.worker!.stop();
    }
  }

  /** The webhook as its stream has it now: the read model may be behind, never ahead. */
  private async reload(webhookId: string, before: KnownWebhook | undefined): Promise<KnownWebhook | undefined> {
    const { state, revision } = await this.streams.load(webhookStream(webhookId), webhookDecider);
    if (state.status === 'none' || typeof revision !== 'bigint') return undefined;
    const known: KnownWebhook = { status: state.status, revision, worker: before?.worker };
    this.known.set(webhookId, known);
    if (state.status !== 'active') return known;
    const { url, types, sealedSecret } = state.webhook;
    try {
      const secret = this.secrets.open(sealedSecret);
      const registeredPosition = await this.registeredPosition(webhookId);
      known.endpoint = { id: webhookId, url, types, secret, registeredPosition };
    } catch {
      known.problem = 'its secret does not open with this instance’s webhook key (LEDGER_WEBHOOK_SECRETS_KEY or webhook-secrets.key in the data folder)';
      this.logger.error(`webhook ${webhookId}: ${known.problem}`);
    }
    return known;
  }

  /** Where a webhook starts: its registration, the first event of its stream. */
  private async registeredPosition(webhookId: string): Promise<bigint> {
    for await (const recorded of this.store.readStream(webhookStream(webhookId), { maxCount: 1 })) return recorded.position;
    throw new Error(`webhook ${webhookId} has no registration`);
  }

  private start(known: KnownWebhook): void {
    if (!known.endpoint) return;
    known.worker = new EndpointWorker(known.endpoint, {
      store: this.store,
      log: this.log,
      client: this.client,
      settings: this.settings,
      logger: this.logger,
      pause: (id, reason, failures) => this.pause(id, reason, failures),
    });
  }

  /** Appends the pause (as `system`); answers whether the webhook is stopped now (paused, or removed meanwhile). */
  private async pause(webhookId: string, reason: string, consecutiveFailures: number): Promise<boolean> {
    const metadata = {
      actor: 'system',
      actorRole: 'system',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      reason,
    };
    const { state } = await this.streams.decide(
      webhookStream(webhookId),
      webhookDecider,
      { type: 'PauseWebhook', webhookId, reason, consecutiveFailures },
      metadata,
    );
    const known = this.known.get(webhookId);
    // Not restarted at the next look, even while the read model still shows it active.
    if (known && state.status !== 'none') known.status = state.status;
    if (state.status === 'paused') this.logger.warn(`webhook ${webhookId} paused: ${reason}`);
    return state.status !== 'active';
  }
}
