import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import request from 'supertest';
import type { ActorRole } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { Projections } from '@billing/projections';
import type { AppConfig } from '../../apps/billing-api/src/config/app-config';
import { createApp } from '../../apps/billing-api/src/create-app';

export const FINANCE_KEY = 'test-finance-key-0123456789';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** A request with the bootstrap finance key. */
  as(key?: string): {
    get: (url: string) => request.Test;
    post: (url: string) => request.Test;
    put: (url: string) => request.Test;
    patch: (url: string) => request.Test;
    delete: (url: string) => request.Test;
  };
  /** Issues an API key with the role (as finance) and returns it; a technician's acts for `resourceId`, `ann` unless named. */
  keyFor(role: ActorRole, resourceId?: string): Promise<string>;
  /**
   * Waits until the read models (in their own thread) show everything in the store: for a test
   * that writes to the store directly, where no request's read-your-writes waits for it.
   */
  caughtUp(): Promise<void>;
  /** Closes the app; the data stays until `dispose`. */
  close(): Promise<void>;
  dispose(): Promise<void>;
}

/** The real service on the embedded store, in a temporary data folder; silent unless given a logger. */
export async function startTestApp(overrides: Partial<AppConfig> = {}, logger: LoggerService | false = false): Promise<TestApp> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const config: AppConfig = { port: 0, dataDir, bootstrapKey: FINANCE_KEY, readYourWritesTimeoutMs: 5000, ...overrides };
  const app = await createApp(config, logger);
  let closed = false;
  const server = () => app.getHttpServer();
  const as = (key = FINANCE_KEY) => ({
    get: (url: string) => request(server()).get(url).set('Authorization', `Bearer ${key}`),
    post: (url: string) => request(server()).post(url).set('Authorization', `Bearer ${key}`),
    put: (url: string) => request(server()).put(url).set('Authorization', `Bearer ${key}`),
    patch: (url: string) => request(server()).patch(url).set('Authorization', `Bearer ${key}`),
    delete: (url: string) => request(server()).delete(url).set('Authorization', `Bearer ${key}`),
  });
  const close = async () => {
    if (!closed) await app.close();
    closed = true;
  };
  return {
    app,
    config,
    as,
    close,
    async caughtUp() {
      const head = await app.get<EventStore>(EVENT_STORE).headPosition();
      if (!(await app.get(Projections).waitForPosition(head, 5000))) throw new Error(`the read models did not reach position ${head}`);
    },
    async keyFor(role, resourceId = role === 'technician' ? 'ann' : undefined) {
      const res = await as()
        .post('/api/api-keys')
        .send({ name: `${role} key`, role, resourceId })
        .expect(201);
      return res.body.key as string;
    },
    async dispose() {
      await close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
