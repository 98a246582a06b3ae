import { replay } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { billingCodeDecider, billingCodeStream, type BillingCodeCommand, type BillingCodeEvent, type BillingCodeTerms } from './billing-code.decider';

const terms = (overrides: Partial<BillingCodeTerms> = {}): BillingCodeTerms => ({
  billingCodeId: 'hw',
  name: 'Hardware',
  type: 'material',
  taxCategory: 'goods',
  glAccount: '4000',
  ...overrides,
});
const create = (overrides: Partial<BillingCodeTerms> = {}): BillingCodeCommand => ({ type: 'CreateBillingCode', terms: terms(overrides) });
const created = (overrides: Partial<BillingCodeTerms> = {}): BillingCodeEvent => ({ type: 'BillingCodeCreated', data: terms(overrides) });

const decide = (given: BillingCodeEvent[], when: BillingCodeCommand) => billingCodeDecider.decide(when, replay(billingCodeDecider, given));

describe('billing code decider', () => {
  it.each<[string, BillingCodeEvent[], BillingCodeCommand, BillingCodeEvent[]]>([
    ['creates a billing code', [], create(), [created()]],
    ['without tax category or GL account', [], create({ type: 'milestone', taxCategory: null, glAccount: null }), [created({ type: 'milestone', taxCategory: null, glAccount: null })]],
    ['the same create again decides nothing', [created()], create(), []],
  ])('%s', (_name, given, when, then) => {
    expect(decide(given, when)).toEqual(then);
  });

  it('the same id with other details is a conflict', () => {
    expect(() => decide([created()], create({ type: 'expense' }))).toThrow(Conflict);
  });

  it('names its stream billingCode-{id}', () => {
    expect(billingCodeStream('hw')).toBe('billingCode-hw');
  });
});
