/**
 * Jest globalSetup: gives the EventStoreDB contract suite a server when one can be had.
 * EVENTSTORE_CONNECTION_STRING set → use it. Otherwise (unless ESDB_CONTAINER=off) start
 * eventstore/eventstore:24.10 with testcontainers and export its connection string, which the
 * Jest workers inherit. Where there is no container runtime, say so in one line; the suite skips.
 */
const IMAGE = 'eventstore/eventstore:24.10';
const DETECT_TIMEOUT_MS = 3000;
const STARTUP_TIMEOUT_MS = 120000;

function skip(reason) {
  process.stdout.write(`\nEventStoreDB contract suite skipped: ${reason}.\n`);
}

function shortReason(error) {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].trim();
  return line.charAt(0).toLowerCase() + line.slice(1);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

module.exports = async () => {
  if (process.env.EVENTSTORE_CONNECTION_STRING) return;
  if (process.env.ESDB_CONTAINER === 'off') {
    skip('EVENTSTORE_CONNECTION_STRING is not set and ESDB_CONTAINER=off');
    return;
  }

  const { GenericContainer, Wait, getContainerRuntimeClient } = require('testcontainers');
  try {
    await withTimeout(getContainerRuntimeClient(), DETECT_TIMEOUT_MS, 'container runtime detection');
  } catch (error) {
    skip(`EVENTSTORE_CONNECTION_STRING is not set and testcontainers found no container runtime (${shortReason(error)})`);
    return;
  }

  try {
    const container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_MEM_DB: 'true',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status >= 200 && status < 300))
      .withStartupTimeout(STARTUP_TIMEOUT_MS)
      .start();
    globalThis.__ESDB_CONTAINER__ = container;
    process.env.EVENTSTORE_CONNECTION_STRING = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  } catch (error) {
    skip(`EVENTSTORE_CONNECTION_STRING is not set and ${IMAGE} could not be started (${shortReason(error)})`);
  }
};
