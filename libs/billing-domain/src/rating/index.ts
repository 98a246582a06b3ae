/** The pure rating engine: routing, hours to bill, rates, prepaid balances, tax, cost, posting. */
export * from './rating-inputs';
export * from './posted-item-draft';
export type { DecimalLike } from './rating-decimals';
export * from './routing';
export * from './hours-to-bill';
export * from './labour-rate';
export * from './labour-coverage';
export { drawInOrder, splitQuantity, usablePurchases } from './prepaid-balance';
export type { DrawablePurchase, DrawResult, QuantityDraw, QuantitySplit } from './prepaid-balance';
export * from './block-consumption';
export * from './retainer-consumption';
export * from './ticket-consumption';
export * from './tax';
export * from './cost';
export { inPostingOrder, ratePostingBatch } from './rate-posting-batch';
