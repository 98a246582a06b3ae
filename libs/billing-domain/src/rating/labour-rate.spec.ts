import { dec } from '../shared/decimal';
import { applyRateModifier, baseLabourRate, overrideHoursToBill, overrideRateAndAmount, rateLabour, workTypeBlockMultiplier } from './labour-rate';
import type { ContractType } from '../contracts/contract.events';
import type { ContractRatingSnapshot, RateModifier, RoleSnapshot } from './rating-inputs';

const tech: RoleSnapshot = { id: 'tech', hourlyRate: '100', hourlyCost: '40' };

function contractOf(type: ContractType, techRate: string | null = '95'): ContractRatingSnapshot {
  return { id: 'c', type, roleRates: techRate === null ? [] : [{ roleId: 'tech', hourlyRate: techRate }] };
}

describe('baseLabourRate (billing-rules §5)', () => {
  it.each([
    ['TIME_AND_MATERIALS', '95', 'CONTRACT_ROLE_RATE'],
    ['RETAINER', '95', 'CONTRACT_ROLE_RATE'],
    ['FIXED_PRICE', '95', 'CONTRACT_ROLE_RATE'],
    ['BLOCK_HOURS', '95', 'CONTRACT_ROLE_RATE'], // the overage table
    ['PER_TICKET', '100', 'ROLE_RATE'],
    ['RECURRING_SERVICE', '100', 'ROLE_RATE'],
  ] as const)('given a %s contract with a $95 rate for the role, then $%s from %s', (type, rate, source) => {
    expect(baseLabourRate(contractOf(type), tech)).toEqual({ rate: dec(rate), source });
  });

  it('given a T&M contract without a rate for the role, then the role rate $100', () => {
    expect(baseLabourRate(contractOf('TIME_AND_MATERIALS', null), tech)).toEqual({ rate: dec('100'), source: 'ROLE_RATE' });
  });

  it('given no contract, then the role rate $100', () => {
    expect(baseLabourRate(null, tech)).toEqual({ rate: dec('100'), source: 'ROLE_RATE' });
  });
});

describe('work-type modifiers (billing-rules §2, §5)', () => {
  it.each<[string, RateModifier, string, string]>([
    ['none', { kind: 'none' }, '150', '337.5'], // 2.25 h × $150 = 337.50
    ['add', { kind: 'add', value: '25' }, '175', '393.75'], // 2.25 h × ($150 + 25) = 393.75
    ['add (negative)', { kind: 'add', value: '-30' }, '120', '270'], // 2.25 h × ($150 − 30) = 270.00
    ['multiply', { kind: 'multiply', value: '1.5' }, '225', '506.25'], // 2.25 h × $150 × 1.5 = 506.25
    ['custom', { kind: 'custom', value: '250' }, '250', '562.5'], // 2.25 h × $250 = 562.50
    ['flat', { kind: 'flat', value: '80' }, '80', '80'], // $80 whatever the hours
  ])('given base $150, 2.25 h and a %s modifier, then rate %s and amount %s', (_, modifier, rate, amount) => {
    const rated = rateLabour(dec('150'), modifier, dec('2.25'));
    expect(rated.rate.toFixed()).toBe(rate);
    expect(rated.amount.toFixed()).toBe(amount);
  });

  it('keeps the amount unrounded until the item is finished', () => {
    // 0.3333 h × $100 × 1.5 = 49.995: rounding waits for the posted item
    expect(rateLabour(dec('100'), { kind: 'multiply', value: '1.5' }, dec('0.3333')).amount.toFixed()).toBe('49.995');
  });

  it.each<[RateModifier, string]>([
    [{ kind: 'multiply', value: '1.5' }, '1.5'],
    [{ kind: 'add', value: '25' }, '1'],
    [{ kind: 'flat', value: '80' }, '1'],
  ])('given modifier %j, then the block-hour work-type multiplier is %s (multiply only)', (modifier, multiplier) => {
    expect(workTypeBlockMultiplier(modifier).toFixed()).toBe(multiplier);
  });

  it('given a modifier value that is not a decimal, then invalid-decimal', () => {
    expect(() => applyRateModifier(dec('1'), { kind: 'add', value: 'ten' })).toThrow(expect.objectContaining({ rule: 'invalid-decimal' }));
  });
});

describe('approver overrides at Approve & Post (billing-rules §5)', () => {
  const rated = { rate: dec('100'), amount: dec('200') }; // 2 h × $100

  it('given hours to bill of 1.5, then those hours, with the computed 2 kept', () => {
    expect(overrideHoursToBill(dec('2'), { hoursToBill: '1.5' })).toEqual({ hoursToBill: dec('1.5'), originalHoursToBill: dec('2') });
  });

  it('given no override, then the computed hours and no original', () => {
    expect(overrideHoursToBill(dec('2'), undefined)).toEqual({ hoursToBill: dec('2'), originalHoursToBill: null });
  });

  it('given an hourly rate of $80, then 2 h × $80 = 160 with the original rate $100', () => {
    expect(overrideRateAndAmount(rated, dec('2'), { hourlyRate: '80' })).toEqual({
      rate: dec('80'),
      amount: dec('160'),
      originalRate: dec('100'),
      originalAmount: null,
    });
  });

  it('given both an hourly rate and an amount, then the amount wins', () => {
    // 2 h × $80 = 160 is replaced by 99.99; the original amount is the one before the amount override
    expect(overrideRateAndAmount(rated, dec('2'), { hourlyRate: '80', amount: '99.99' })).toEqual({
      rate: dec('80'),
      amount: dec('99.99'),
      originalRate: dec('100'),
      originalAmount: dec('160'),
    });
  });

  it('given a flat work type and an hourly rate override, then rate × hours (an hourly rate is per hour)', () => {
    const flat = rateLabour(dec('150'), { kind: 'flat', value: '80' }, dec('3'));
    expect(overrideRateAndAmount(flat, dec('3'), { hourlyRate: '50' }).amount.toFixed()).toBe('150'); // 3 h × $50
  });

  it.each([[{ hoursToBill: '-1' }], [{ hoursToBill: '1.00001' }]])('given override %j, then it is refused', (override) => {
    expect(() => overrideHoursToBill(dec('2'), override)).toThrow(expect.objectContaining({ name: 'RuleViolation' }));
  });

  it.each([[{ hourlyRate: '-5' }], [{ amount: '-1' }]])('given override %j, then negative-value', (override) => {
    expect(() => overrideRateAndAmount(rated, dec('2'), override)).toThrow(expect.objectContaining({ rule: 'negative-value' }));
  });
});
