export * from './runner/projection';
export * from './runner/projection-runner';
export * from './runner/read-model-database';
export * from './read-models';
