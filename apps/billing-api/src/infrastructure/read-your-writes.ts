import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { Projections } from '@billing/projections';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/** Lets a query wait (bounded) until the read models show the caller's own write. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly projections: Projections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  private readonly lastWrites = new Map<string, bigint>();

  /**
   * For commands that answer without the read models (Approve & Post answers from the ledger):
   * the caller's next request waits for this position instead of the command's answer.
   */
  remember(caller: string, position: bigint): void {
    if (position > (this.lastWrites.get(caller) ?? 0n)) this.lastWrites.set(caller, position);
  }

  /** Waits for the last write `remember`ed for this caller, once. */
  async waitForCaller(caller: string): Promise<void> {
    const position = this.lastWrites.get(caller);
    if (position === undefined) return;
    await this.waitFor(position);
    if (this.lastWrites.get(caller) === position) this.lastWrites.delete(caller);
  }

  /** Waits for everything stored so far: for commands that decide on what read models find. */
  async waitForHead(): Promise<void> {
    await this.waitFor(await this.store.headPosition());
  }

  /** Refuses with 503 rather than answer from read models that do not show the write yet. */
  async waitFor(position: bigint): Promise<void> {
    if (position <= 0n || (await this.projections.waitForPosition(position, this.config.readYourWritesTimeoutMs))) return;
    const failed = (await this.projections.status()).filter((p) => p.state === 'failed').map((p) => `${p.name} (${p.error})`);
    throw new ServiceUnavailableException(
      failed.length
        ? `the write is stored, but these read models have stopped: ${failed.join(', ')}; see /health`
        : `the write is stored, but the read models are still catching up with it; try the read again shortly`,
    );
  }
}
