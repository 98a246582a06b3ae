import { eventStoreContract } from '../testing/event-store.contract';
import { connectEsdb } from './esdb-event-store';

// Set by the environment, or by test/support/global-setup.js when it could start a container.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  // Every test uses streams of its own, so a shared server is fine; a new client is a "restart".
  eventStoreContract('esdb (EventStoreDB)', async () => ({
    open: () => connectEsdb(connectionString),
    dispose: async () => undefined,
  }));
} else {
  describe.skip('EventStore contract: esdb (EventStoreDB)', () => {
    it('EventStoreDB contract suite (skipped: no EVENTSTORE_CONNECTION_STRING and no container runtime)', () => undefined);
  });
}
