/* The projections a ProjectionWorker test runs (`projectionsModule`): counting, and two that fail. */
import type { Projection } from '../runner/projection';
import { countingProjection } from './counting-projection';

/** Throws on an event of type `Boom`. */
const failing: Projection = {
  name: 'failing',
  version: 1,
  tables: [],
  open: () => (event) => {
    if (event.type === 'Boom') throw new Error('boom');
  },
};

/** Ends the worker thread on an event of type `Crash`, as a fatal error would. */
const crashing: Projection = {
  name: 'crashing',
  version: 1,
  tables: [],
  open: () => (event) => {
    if (event.type === 'Crash') process.exit(3);
  },
};

export const PROJECTIONS: Projection[] = [countingProjection(), failing, crashing];
