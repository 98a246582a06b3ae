import type { CommandBus } from '@nestjs/cqrs';
import type { AppConfig } from '../../config/app-config';
import type { AccrueRecurringCommand } from './accrue-recurring.command';
import { DailyAccrual, nextDailyRun } from './daily-accrual';

describe('the daily accrual', () => {
  it('runs next at the hour (UTC): later today, else tomorrow', () => {
    expect(nextDailyRun(new Date('2026-04-30T01:30:00Z'), 2)).toEqual(new Date('2026-04-30T02:00:00Z'));
    expect(nextDailyRun(new Date('2026-04-30T02:00:00Z'), 2)).toEqual(new Date('2026-05-01T02:00:00Z'));
    expect(nextDailyRun(new Date('2026-12-31T23:59:00Z'), 0)).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  describe('scheduling', () => {
    afterEach(() => jest.useRealTimers());

    const accrual = (config: Partial<AppConfig>) => {
      const sent: AccrueRecurringCommand[] = [];
      const commands = {
        execute: async (command: AccrueRecurringCommand) => (sent.push(command), { created: [], renewed: [], position: 0n }),
      } as unknown as CommandBus;
      return { daily: new DailyAccrual(config as AppConfig, commands), sent };
    };

    it('with an hour set: every day at that hour, through that day, as the system', async () => {
      // given: 01:30 UTC, accrual at 02:00
      jest.useFakeTimers({ now: new Date('2026-04-30T01:30:00Z') });
      const { daily, sent } = accrual({ accrueDailyAtHour: 2 });
      daily.onApplicationBootstrap();
      // when: half an hour, then a day, pass
      await jest.advanceTimersByTimeAsync(29 * 60_000);
      expect(sent).toEqual([]);
      await jest.advanceTimersByTimeAsync(60_000);
      await jest.advanceTimersByTimeAsync(24 * 3_600_000);
      // then: through 30 April, then 1 May
      expect(sent.map((c) => [c.through, c.metadata.actor, c.metadata.actorRole])).toEqual([
        ['2026-04-30', 'system', 'system'],
        ['2026-05-01', 'system', 'system'],
      ]);
      // and: nothing after shutdown
      await daily.beforeApplicationShutdown();
      await jest.advanceTimersByTimeAsync(48 * 3_600_000);
      expect(sent).toHaveLength(2);
    });

    it('off unless configured', async () => {
      jest.useFakeTimers({ now: new Date('2026-04-30T01:30:00Z') });
      const { daily, sent } = accrual({});
      daily.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(72 * 3_600_000);
      expect(sent).toEqual([]);
    });
  });
});
