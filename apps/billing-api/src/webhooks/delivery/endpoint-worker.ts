import type { Logger } from '@nestjs/common';
import { WEBHOOK_ALL_TYPES, webhookWants } from '@billing/domain';
import type { EventStore, RecordedEvent, Subscription } from '@billing/event-store';
import type { WebhookDelivery } from '../../config/app-config';
import { publishedEvent } from '../../events/published-event';
import type { AttemptOutcome, DeliveryClient } from './delivery-client';
import type { DeliveryLog, DeliveryView } from './delivery-log';
import { retryDelayMs } from './retry-backoff';
import { signatureHeader } from './webhook-signature';

/** A registered, active webhook as the dispatcher delivers to it: its secret opened. */
export interface Endpoint {
  id: string;
  url: string;
  types: readonly string[];
  secret: string;
  /** The global position of its registration: it receives the events after it. */
  registeredPosition: bigint;
}

export interface EndpointWorkerDeps {
  store: EventStore;
  log: DeliveryLog;
  client: DeliveryClient;
  settings: WebhookDelivery;
  logger: Logger;
  /** Appends the pause; answers whether the webhook is now stopped (paused, or removed meanwhile). */
  pause(webhookId: string, reason: string, consecutiveFailures: number): Promise<boolean>;
  now?: () => Date;
}

export const USER_AGENT = 'billing-ledger-webhooks/1';
/** Acknowledged deliveries between two trims of the delivery log. */
const PRUNE_EVERY = 500;

/**
 * Delivers to one webhook, one delivery at a time, in order: the oldest delivery still to send,
 * else the next matching event of the store after the webhook's checkpoint. A delivery is retried
 * with backoff until it is acknowledged; after `pauseAfterFailures` failed attempts in a row the
 * webhook is paused and the worker ends. `stop()` lets an attempt under way finish and record its
 * outcome, so an acknowledgement received is never forgotten.
 */
export class EndpointWorker {
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private subscription: Subscription | undefined;
  private events: AsyncIterator<RecordedEvent> | undefined;
  private nextEvent: Promise<IteratorResult<RecordedEvent>> | undefined;
  /** Events read from the store for deliveries not yet acknowledged, so a retry need not read them again. */
  private readonly inHand = new Map<string, RecordedEvent>();
  private acknowledged = 0;
  private ended = false;
  readonly done: Promise<void>;

  constructor(
    readonly endpoint: Endpoint,
    private readonly deps: EndpointWorkerDeps,
  ) {
    this.done = this.run()
      .catch((error: unknown) => deps.logger.error(`webhook ${endpoint.id}: delivery stopped: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => (this.ended = true));
  }

  get running(): boolean {
    return !this.ended;
  }

  /** Looks again for something to send now (a replay was asked for). */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.done;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async run(): Promise<void> {
    const { log, settings } = this.deps;
    const id = this.endpoint.id;
    let failures = log.startAt(id, this.endpoint.registeredPosition).consecutiveFailures;
    // Running while the failures reached the limit (or deliveries are held) means finance resumed it.
    if (failures >= settings.pauseAfterFailures || log.hasPaused(id)) {
      log.resume(id, this.now());
      failures = 0;
    }
    try {
      while (!this.stopping) {
        const delivery = log.nextToSend(id) ?? (await this.nextLiveDelivery());
        if (!delivery || this.stopping) continue;
        const wait = Date.parse(delivery.nextAttemptAt ?? '') - this.now().getTime();
        if (wait > 0) {
          await this.sleep(wait);
          continue;
        }
        const outcome = await this.attempt(delivery);
        const at = this.now();
        if (outcome.acknowledged) {
          log.delivered(delivery, outcome.statusCode, at);
          this.inHand.delete(delivery.id);
          failures = 0;
          if (++this.acknowledged % PRUNE_EVERY === 0) log.prune(id);
          continue;
        }
        failures += 1;
        if (failures >= settings.pauseAfterFailures && (await this.pause(delivery, outcome, failures))) {
          log.failed(delivery, outcome, at, failures, null);
          return;
        }
        log.failed(delivery, outcome, at, failures, new Date(at.getTime() + retryDelayMs(delivery.attempts + 1, settings)));
      }
    } finally {
      await this.subscription?.close();
    }
  }

  private async pause(delivery: DeliveryView, failure: AttemptOutcome & { acknowledged: false }, failures: number): Promise<boolean> {
    const reason = `${failures} failed attempts in a row; last: ${failure.error} (delivery ${delivery.id}, event ${delivery.eventId})`;
    try {
      return await this.deps.pause(this.endpoint.id, reason, failures);
    } catch (error) {
      // The store refused the pause: keep retrying with backoff, and try pausing again after the next failure.
      this.deps.logger.error(`webhook ${this.endpoint.id}: could not record the pause: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** The next matching event after the checkpoint, as a new delivery; nothing when woken or stopped first. */
  private async nextLiveDelivery(): Promise<DeliveryView | undefined> {
    const { store, log } = this.deps;
    if (!this.events) {
      const types = this.endpoint.types;
      this.subscription = store.subscribeToAll({
        fromPosition: log.readFrom(this.endpoint.id),
        filter: types[0] === WEBHOOK_ALL_TYPES ? undefined : { eventTypes: [...types] },
      });
      this.events = this.subscription[Symbol.asyncIterator]();
    }
    this.nextEvent ??= this.events.next();
    const woken = new Promise<'woken'>((resolve) => (this.wakeUp = () => resolve('woken')));
    if (this.stopping) return undefined;
    const next = await Promise.race([this.nextEvent, woken]);
    this.wakeUp = undefined;
    if (next === 'woken') return undefined;
    this.nextEvent = undefined;
    if (next.done) {
      this.events = undefined;
      this.subscription = undefined;
      if (!this.stopping) throw new Error('the store ended the subscription');
      return undefined;
    }
    const recorded = next.value;
    // The store's filter is a hint (EventStoreDB's matches type prefixes): the webhook's types decide.
    if (!webhookWants(this.endpoint.types, recorded.type)) return undefined;
    const delivery = log.add(
      {
        webhookId: this.endpoint.id,
        eventId: recorded.id,
        eventType: recorded.type,
        streamId: recorded.streamId,
        revision: recorded.revision,
        position: recorded.position,
        kind: 'live',
        replayOf: null,
      },
      this.now(),
    );
    this.inHand.set(delivery.id, recorded);
    return delivery;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
      if (this.stopping) this.wakeUp();
    }).then(() => {
      this.wakeUp = undefined;
    });
  }

  private async attempt(delivery: DeliveryView): Promise<AttemptOutcome> {
    const recorded = this.inHand.get(delivery.id) ?? (await this.read(delivery));
    if (!recorded) return { acknowledged: false, statusCode: null, error: `event ${delivery.eventId} is not in the store` };
    const body = JSON.stringify(publishedEvent(recorded));
    const timestamp = Math.floor(this.now().getTime() / 1000);
    return this.deps.client.post(
      this.endpoint.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'ledger-event-id': recorded.id,
        'ledger-event-type': recorded.type,
        'ledger-event-position': recorded.position.toString(),
        'ledger-webhook-id': this.endpoint.id,
        'ledger-delivery-id': delivery.id,
        'ledger-delivery-attempt': String(delivery.attempts + 1),
        'ledger-signature': signatureHeader(this.endpoint.secret, body, timestamp),
      },
      this.deps.settings.requestTimeoutMs,
    );
  }

  private async read(delivery: DeliveryView): Promise<RecordedEvent | undefined> {
    for await (const recorded of this.deps.store.readStream(delivery.streamId, { fromRevision: BigInt(delivery.revision), maxCount: 1 }))
      if (recorded.id === delivery.eventId) return recorded;
    return undefined;
  }
}
