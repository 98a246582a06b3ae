export * from './runner/domain-event';
export * from './runner/projection';
export * from './runner/projection-status';
export * from './runner/projection-runner';
export * from './runner/projections';
export * from './runner/read-model-database';
export * from './runner/worker/projection-worker.client';
export type { ProjectionWorkerSetup, StoreLocation } from './runner/worker/projection-worker.protocol';
export * from './read-models';
