import type { EventStore } from '@billing/event-store';
import type { Projections } from '@billing/projections';
import type { AppConfig } from '../config/app-config';
import { ReadYourWrites } from './read-your-writes';

describe('read-your-writes for commands that answer without the read models', () => {
  // projections whose read models reach a position only when the test says so
  function runner() {
    let reached = 0n;
    const waiting: { position: bigint; resolve: (ok: boolean) => void }[] = [];
    const fake = {
      waitForPosition: (position: bigint) =>
        reached >= position ? Promise.resolve(true) : new Promise<boolean>((resolve) => waiting.push({ position, resolve })),
      status: async () => [],
    } as unknown as Projections;
    const reach = (position: bigint) => {
      reached = position;
      for (const w of waiting.splice(0)) if (w.position <= position) w.resolve(true);
    };
    return { fake, reach };
  }
  const config = { readYourWritesTimeoutMs: 1000 } as AppConfig;
  const store = { headPosition: async () => 0n } as unknown as EventStore;

  it('the caller’s next query waits for the remembered write; other callers do not', async () => {
    const { fake, reach } = runner();
    const ryw = new ReadYourWrites(fake, config, store);
    ryw.remember('finance-key', 42n);
    let done = false;
    const query = ryw.waitForCaller('finance-key').then(() => (done = true));
    await ryw.waitForCaller('someone-else'); // nothing remembered: no wait
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    reach(42n);
    await query;
    expect(done).toBe(true);
  });

  it('remembers the latest write only, and forgets it once seen', async () => {
    const { fake, reach } = runner();
    const ryw = new ReadYourWrites(fake, config, store);
    ryw.remember('k', 10n);
    ryw.remember('k', 7n); // an older position does not replace a newer one
    reach(9n);
    let done = false;
    const query = ryw.waitForCaller('k').then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    reach(10n);
    await query;
    const spy = jest.spyOn(fake, 'waitForPosition');
    await ryw.waitForCaller('k');
    expect(spy).not.toHaveBeenCalled();
  });
});
