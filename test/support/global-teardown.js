/** Jest globalTeardown: stops the EventStoreDB container that global-setup.js started, if any. */
module.exports = async () => {
  const container = globalThis.__ESDB_CONTAINER__;
  if (!container) return;
  globalThis.__ESDB_CONTAINER__ = undefined;
  await container.stop();
};
