import { postedItem } from '../testing/fixtures';
import { isOverage } from './overage';

/** billing-rules §6: what a contract's balance counts as overage (the balances read model and the audit's as-of balance both ask this). */
describe('overage on a contract balance', () => {
  it.each([
    ['the part of a prepaid entry beyond what the balance covered', { type: 'LABOR', part: 'OVERAGE', covered: false }, true],
    ['labour billed at the overage rate', { type: 'LABOR_OVERAGE', part: 'WHOLE', covered: false }, true],
    ['a ticket no purchase covered', { type: 'TICKET', part: 'WHOLE', covered: false }, true],
    ['a ticket a purchase covered', { type: 'TICKET', part: 'WHOLE', covered: true }, false],
    ['the covered part of a prepaid entry', { type: 'LABOR', part: 'COVERED', covered: true }, false],
    ['time and materials labour', { type: 'LABOR', part: 'WHOLE', covered: false }, false],
  ] as const)('%s', (_, item, expected) => {
    expect(isOverage(postedItem(item))).toBe(expected);
  });
});
