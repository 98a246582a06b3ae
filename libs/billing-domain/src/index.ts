export * from './shared';
export * from './accounts/account.decider';
export * from './api-keys/api-key.decider';
export * from './catalog';
export * from './contracts';
