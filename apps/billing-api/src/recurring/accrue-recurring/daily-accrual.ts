import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { AccrueRecurringCommand, type AccrueRecurringResult } from './accrue-recurring.command';

/** The next time it is `hour`:00 UTC, after `now`. */
export function nextDailyRun(now: Date, hour: number): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * billing-rules §7 "run daily": with `accrueDailyAtHour` set (`LEDGER_ACCRUE_DAILY=true`), the
 * accrual runs every day at that hour (UTC) through that day, as the actor `system`. Accrual is
 * idempotent, so several instances running it at once, or a day missed, do no harm: the next run
 * creates whatever has started since.
 */
@Injectable()
export class DailyAccrual implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DailyAccrual');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.accrueDailyAtHour !== undefined) this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Accrues through today (UTC). */
  async run(now: Date = new Date()): Promise<AccrueRecurringResult> {
    const metadata = { actor: 'system', actorRole: 'system', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: now.toISOString() };
    return this.commands.execute(new AccrueRecurringCommand(now.toISOString().slice(0, 10), metadata));
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = new Date();
    const at = nextDailyRun(now, this.config.accrueDailyAtHour!);
    this.timer = setTimeout(() => {
      this.running = this.run()
        .then(({ created, renewed }) => this.logger.log({ msg: 'daily accrual', created: created.length, renewed: renewed.length }))
        .catch((error: unknown) => this.logger.error(`daily accrual failed: ${error instanceof Error ? error.stack : String(error)}`))
        .finally(() => this.schedule());
    }, at.getTime() - now.getTime());
    this.timer.unref();
  }
}
