import 'reflect-metadata';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { configFromEnvironment } from './config/app-config';
import { createApp } from './create-app';
import { EventStreams } from './events/stream-events/event-streams';
import { JsonLogger } from './http/json-logger';

/** How long requests in flight may take to finish once the service is told to stop. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const logger = new JsonLogger();
  let app: INestApplication;
  try {
    const config = configFromEnvironment();
    app = await createApp(config, logger);
    await app.listen(config.port);
    const address = (app.getHttpServer() as Server).address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.log({ msg: 'listening', port, store: config.eventStoreConnectionString ? 'esdb' : 'sqlite', dataDir: config.dataDir }, 'Main');
  } catch (error) {
    // One clear line instead of a stack trace loop: the operator fixes the cause and restarts.
    logger.fatal({ msg: 'cannot start', error: error instanceof Error ? error.message : String(error) }, 'Main');
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: 'stopping', signal }, 'Main');
    // Nest would close the store before the HTTP server; stop taking requests and let the ones
    // in flight finish first, then close the projections and the store.
    const server = app.getHttpServer() as Server;
    // Event streams never finish by themselves: end them now (clients resume with Last-Event-ID)
    // rather than hold the stop for the whole grace and then cut them.
    await app.get(EventStreams).endAll();
    const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(grace);
    await app.close();
    logger.log({ msg: 'stopped' }, 'Main');
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

void main();
