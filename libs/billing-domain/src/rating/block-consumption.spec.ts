import { dec } from '../shared/decimal';
import { blockHourMultiplier, blockOverageRate, consumeBlocks } from './block-consumption';
import type { DrawablePurchase } from './prepaid-balance';
import type { ContractRatingSnapshot, RoleSnapshot } from './rating-inputs';

function blk(id: string, remaining: string, fields: Partial<DrawablePurchase> = {}): DrawablePurchase {
  return { id, startDate: '2026-01-01', endDate: '2026-12-31', active: true, sequence: 1, remaining: dec(remaining), ...fields };
}

function consume(hoursToBill: string, multiplier: string, blocks: DrawablePurchase[], dateWorked = '2026-03-02') {
  const result = consumeBlocks({ hoursToBill: dec(hoursToBill), multiplier: dec(multiplier), dateWorked, blocks });
  return {
    needed: result.blockHoursNeeded.toFixed(),
    draws: result.draws.map((d) => [d.purchaseId, d.quantity.toFixed()]),
    covered: result.coveredHours.toFixed(),
    overage: result.overageHours.toFixed(),
  };
}

describe('consumeBlocks (billing-rules §6)', () => {
  it('given blocks with different start dates, then the oldest start date is drawn first, whatever the purchase order', () => {
    const blocks = [blk('feb', '2', { startDate: '2026-02-01', sequence: 1 }), blk('jan', '1', { startDate: '2026-01-01', sequence: 2 })];
    // 2 h needed: jan (older) gives its 1 h, feb gives 1 h
    expect(consume('2', '1', blocks).draws).toEqual([
      ['jan', '1'],
      ['feb', '1'],
    ]);
  });

  it('given blocks with the same start date, then the oldest purchase (lowest sequence) first', () => {
    const blocks = [blk('second', '5', { sequence: 2 }), blk('first', '0.5', { sequence: 1 })];
    // 1 h needed: first gives 0.5 h (to zero), second 0.5 h
    expect(consume('1', '1', blocks).draws).toEqual([
      ['first', '0.5'],
      ['second', '0.5'],
    ]);
  });

  it('given a block whose dates do not cover the date worked, then it is skipped', () => {
    const blocks = [blk('january', '5', { endDate: '2026-01-31' }), blk('march', '5', { startDate: '2026-03-01', sequence: 2 })];
    expect(consume('1', '1', blocks).draws).toEqual([['march', '1']]);
  });

  it('given an inactive block or an empty one, then it is skipped', () => {
    const blocks = [blk('inactive', '5', { active: false }), blk('empty', '0', { sequence: 2 }), blk('ok', '5', { sequence: 3 })];
    expect(consume('1', '1', blocks).draws).toEqual([['ok', '1']]);
  });

  it('given block dates, then the start and end dates are inside', () => {
    const blocks = [blk('one-day', '5', { startDate: '2026-03-02', endDate: '2026-03-02' })];
    expect(consume('1', '1', blocks).draws).toEqual([['one-day', '1']]);
  });

  it('given a multiplier, then block hours drawn = hours to bill × multiplier', () => {
    // 1.5 h × 2 (engineer) × 1.5 (onsite) = 4.5 block hours
    expect(consume('1.5', '3', [blk('b', '10')])).toEqual({ needed: '4.5', draws: [['b', '4.5']], covered: '1.5', overage: '0' });
  });

  it('given too few block hours, then the entry is split: covered + overage = hours to bill', () => {
    // 3 h needed, 2 left: covered 2 h, overage 1 h
    expect(consume('3', '1', [blk('b', '2')])).toEqual({ needed: '3', draws: [['b', '2']], covered: '2', overage: '1' });
  });

  it('given a multiplier and a short block, then covered = drawn ÷ multiplier', () => {
    // 1.5 h × 3 = 4.5 needed, 3 left → covered 3 ÷ 3 = 1 h, overage 0.5 h
    expect(consume('1.5', '3', [blk('b', '3')])).toEqual({ needed: '4.5', draws: [['b', '3']], covered: '1', overage: '0.5' });
  });

  it('given a division that does not terminate, then covered hours round half-up to 4 places and overage takes the rest', () => {
    // 1 h × 3 = 3 needed, 1 left → covered 1 ÷ 3 = 0.33333… → 0.3333, overage 1 − 0.3333 = 0.6667
    expect(consume('1', '3', [blk('b', '1')])).toEqual({ needed: '3', draws: [['b', '1']], covered: '0.3333', overage: '0.6667' });
    // 1 h × 1.5 = 1.5 needed, 1 left → 1 ÷ 1.5 = 0.66666… → 0.6667 (half-up), overage 0.3333
    expect(consume('1', '1.5', [blk('b', '1')])).toEqual({ needed: '1.5', draws: [['b', '1']], covered: '0.6667', overage: '0.3333' });
  });

  it('given no usable block, then nothing is drawn and all hours are overage', () => {
    expect(consume('2', '1', [])).toEqual({ needed: '2', draws: [], covered: '0', overage: '2' });
  });

  it('given a multiplier of 0, then nothing is needed and the entry is covered', () => {
    expect(consume('2', '0', [])).toEqual({ needed: '0', draws: [], covered: '2', overage: '0' });
  });

  it('given a negative multiplier, then block-multiplier', () => {
    expect(() => consume('1', '-1', [])).toThrow(expect.objectContaining({ rule: 'block-multiplier' }));
  });
});

const engineer: RoleSnapshot = { id: 'engineer', hourlyRate: '150', hourlyCost: '60', blockHourMultiplier: '2' };
const tech: RoleSnapshot = { id: 'tech', hourlyRate: '100', hourlyCost: '40' };

describe('blockHourMultiplier', () => {
  it.each<[string, ContractRatingSnapshot, RoleSnapshot, string]>([
    [
      'the contract multiplier for the role',
      { id: 'c', type: 'BLOCK_HOURS', roleRates: [{ roleId: 'engineer', blockHourMultiplier: '1.25' }] },
      engineer,
      '1.25',
    ],
    ['the role default without a contract multiplier', { id: 'c', type: 'BLOCK_HOURS', roleRates: [{ roleId: 'engineer', hourlyRate: '140' }] }, engineer, '2'],
    ['1 without either', { id: 'c', type: 'BLOCK_HOURS' }, tech, '1'],
  ])('given %s, then %s', (_, contract, role, expected) => {
    expect(blockHourMultiplier(contract, role).toFixed()).toBe(expected);
  });
});

describe('blockOverageRate (billing-rules §6)', () => {
  const withAll: ContractRatingSnapshot = { id: 'c', type: 'BLOCK_HOURS', overageRate: '90', roleRates: [{ roleId: 'engineer', hourlyRate: '140' }] };
  const withRoleRate: ContractRatingSnapshot = { id: 'c', type: 'BLOCK_HOURS', roleRates: [{ roleId: 'engineer', hourlyRate: '140' }] };
  const bare: ContractRatingSnapshot = { id: 'c', type: 'BLOCK_HOURS' };
  const withContractMultiplier: ContractRatingSnapshot = { ...withAll, roleRates: [{ roleId: 'engineer', hourlyRate: '140', blockHourMultiplier: '3' }] };

  it.each<[string, ContractRatingSnapshot, boolean, string, string]>([
    ['the contract overage rate', withAll, false, '90', 'CONTRACT_OVERAGE_RATE'],
    ['else the contract role rate', withRoleRate, false, '140', 'CONTRACT_ROLE_RATE'],
    ['else the role hourly rate', bare, false, '150', 'ROLE_RATE'],
    ['multiplyOverage on: $90 × role default 2', withAll, true, '180', 'CONTRACT_OVERAGE_RATE'],
    ['multiplyOverage on: $90 × contract multiplier 3', withContractMultiplier, true, '270', 'CONTRACT_OVERAGE_RATE'],
    ['multiplyOverage on: $150 role rate × 2', bare, true, '300', 'ROLE_RATE'],
  ])('given %s, then $%s', (_, contract, multiplyOverage, rate, source) => {
    expect(blockOverageRate(contract, engineer, multiplyOverage)).toEqual({ rate: dec(rate), source });
  });
});
