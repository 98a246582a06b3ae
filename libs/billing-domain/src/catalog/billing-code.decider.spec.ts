import { conflict, deciderSpec } from '../testing/decider-spec';
import { billingCodeDecider, type BillingCodeCommand } from './billing-code.decider';
import { billingCodeStream, type BillingCodeEvent, type BillingCodeTerms } from './billing-code.events';

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

const billingCodes = deciderSpec(billingCodeDecider);

describe('billing code decider', () => {
  it.each<[string, BillingCodeEvent[], BillingCodeCommand, BillingCodeEvent[]]>([
    ['creates a billing code', [], create(), [created()]],
    [
      'without tax category or GL account',
      [],
      create({ type: 'milestone', taxCategory: null, glAccount: null }),
      [created({ type: 'milestone', taxCategory: null, glAccount: null })],
    ],
    ['the same create again decides nothing', [created()], create(), []],
  ])('%s', (_name, given, when, then) => {
    billingCodes.given(given).when(when).then(then);
  });

  it('the same id with other details is a conflict', () => {
    billingCodes
      .given([created()])
      .when(create({ type: 'expense' }))
      .then(conflict('id-reused'));
  });

  it('names its stream billingCode-{id}', () => {
    expect(billingCodeStream('hw')).toBe('billingCode-hw');
  });
});
