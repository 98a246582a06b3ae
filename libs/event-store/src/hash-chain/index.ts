export * from './canonical-json';
export * from './hash-chain';
export * from './chain-verifier';
export * from './verify-chains';
export * from './merkle';
export * from './heads-digest';
