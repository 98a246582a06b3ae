import { conflict, deciderSpec, rule } from '../testing/decider-spec';
import { workTypeDecider, type WorkTypeCommand } from './work-type.decider';
import { workTypeStream, type WorkTypeEvent, type WorkTypeModifier, type WorkTypeTerms } from './work-type.events';

const terms = (overrides: Partial<WorkTypeTerms> = {}): WorkTypeTerms => ({
  workTypeId: 'onsite',
  name: 'Onsite',
  billable: true,
  showOnInvoice: true,
  taxCategory: 'labour',
  minHours: null,
  maxHours: null,
  modifier: { type: 'none' },
  ...overrides,
});
const create = (overrides: Partial<WorkTypeTerms> = {}): WorkTypeCommand => ({ type: 'CreateWorkType', terms: terms(overrides) });
const created = (overrides: Partial<WorkTypeTerms> = {}): WorkTypeEvent => ({ type: 'WorkTypeCreated', data: terms(overrides) });

const workTypes = deciderSpec(workTypeDecider);

describe('work type decider', () => {
  it.each<[string, WorkTypeEvent[], WorkTypeCommand, WorkTypeEvent[]]>([
    ['creates a work type', [], create(), [created()]],
    [
      'a multiply modifier and hour bounds, in canonical form',
      [],
      create({ modifier: { type: 'multiply', value: '1.50' }, minHours: '0.50', maxHours: '8.0' }),
      [created({ modifier: { type: 'multiply', value: '1.5' }, minHours: '0.5', maxHours: '8' })],
    ],
    [
      'add may be negative (a discount on the role rate)',
      [],
      create({ modifier: { type: 'add', value: '-15.00' } }),
      [created({ modifier: { type: 'add', value: '-15' } })],
    ],
    ['custom and flat may be 0', [], create({ modifier: { type: 'flat', value: '0.00' } }), [created({ modifier: { type: 'flat', value: '0' } })]],
    ['minHours may equal maxHours', [], create({ minHours: '1', maxHours: '1.0' }), [created({ minHours: '1', maxHours: '1' })]],
    [
      'non-billable, hidden from invoices, untaxed',
      [],
      create({ billable: false, showOnInvoice: false, taxCategory: null }),
      [created({ billable: false, showOnInvoice: false, taxCategory: null })],
    ],
    ['the same create again decides nothing', [created({ maxHours: '8' })], create({ maxHours: '8.00' }), []],
  ])('%s', (_name, given, when, then) => {
    workTypes.given(given).when(when).then(then);
  });

  it('the same id with other details is a conflict', () => {
    workTypes
      .given([created()])
      .when(create({ billable: false }))
      .then(conflict('id-reused'));
  });

  it.each<[string, WorkTypeModifier]>([
    ['multiply by 0', { type: 'multiply', value: '0' }],
    ['a negative custom rate', { type: 'custom', value: '-1' }],
    ['a negative flat value', { type: 'flat', value: '-0.01' }],
    ['5 decimal places', { type: 'add', value: '1.00001' }],
    ['a multiplier above 100', { type: 'multiply', value: '100.0001' }],
    ['an added rate below -99999999.9999', { type: 'add', value: '-100000000' }],
    ['a custom rate above 99999999.9999', { type: 'custom', value: '100000000' }],
    ['a flat value above 99999999.9999', { type: 'flat', value: '100000000' }],
  ])('refuses a modifier with %s', (_name, modifier) => {
    workTypes.given([]).when(create({ modifier })).then(rule('invalid-decimal'));
  });

  it('refuses hours out of 0..24 and minHours above maxHours', () => {
    workTypes
      .given([])
      .when(create({ maxHours: '24.0001' }))
      .then(rule('invalid-decimal'));
    workTypes
      .given([])
      .when(create({ minHours: '-1' }))
      .then(rule('invalid-decimal'));
    workTypes
      .given([])
      .when(create({ maxHours: '0' }))
      .then(rule('invalid-decimal'));
    workTypes
      .given([])
      .when(create({ minHours: '2', maxHours: '1.5' }))
      .then(rule('work-type-hours'));
  });

  it('names its stream workType-{id}', () => {
    expect(workTypeStream('onsite')).toBe('workType-onsite');
  });
});
