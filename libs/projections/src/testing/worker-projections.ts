/* The projections a ProjectionWorker test runs (`projectionsModule`): counting, and three that fail. */
import { existsSync, writeFileSync } from 'node:fs';
import type { Projection } from '../runner/projection';
import { countingProjection } from './counting-projection';

/** Throws on an event of type `Boom`. */
const failing: Projection = {
  name: 'failing',
  version: 1,
  tables: [],
  canHandle: ['Boom'],
  open: () => () => {
    throw new Error('boom');
  },
};

/** Ends the worker thread on an event of type `Crash`, as a fatal error would. */
const crashing: Projection = {
  name: 'crashing',
  version: 1,
  tables: [],
  canHandle: ['Crash'],
  open: () => () => process.exit(3),
};

/**
 * Ends the worker thread on an event of type `CrashOnce` the first time only (the file its data
 * names as `marker` remembers it): a restarted worker gets past it.
 */
const crashingOnce: Projection = {
  name: 'crashing-once',
  version: 1,
  tables: [],
  canHandle: ['CrashOnce'],
  open: () => (event) => {
    const marker = (event.data as { marker?: string }).marker;
    if (!marker || existsSync(marker)) return;
    writeFileSync(marker, 'crashed');
    process.exit(4);
  },
};

export const PROJECTIONS: Projection[] = [countingProjection(), failing, crashing, crashingOnce];
