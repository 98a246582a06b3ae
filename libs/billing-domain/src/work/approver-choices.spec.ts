import { choiceDifferences, type AskedChoices, type StandingChoices } from './approver-choices';

// posted (or approved) on 2026-10-31 at $150 an hour
const standing: StandingChoices = { postedDate: '2026-10-31', overrides: { hourlyRate: '150' } };

describe('choiceDifferences (a request against the choices an item stands on)', () => {
  it.each<[string, AskedChoices]>([
    ['nothing chosen (no date, no override for the item)', {}],
    ['the same date and the same overrides', { postedDate: '2026-10-31', overrides: { hourlyRate: '150' } }],
    ['the same rate written otherwise', { overrides: { hourlyRate: '150.00' } }],
    ['no date: the posted date stands, whatever today is', { overrides: { hourlyRate: '150' } }],
  ])('given %s, then nothing differs', (_name, asked) => {
    expect(choiceDifferences(standing, asked)).toEqual([]);
  });

  it.each<[string, StandingChoices, AskedChoices, string[]]>([
    [
      'another date and another rate',
      standing,
      { postedDate: '2026-11-01', overrides: { hourlyRate: '160' } },
      ['postedDate 2026-10-31, not 2026-11-01', 'hourlyRate 150, not 160'],
    ],
    ['no overrides, asked for explicitly ({})', standing, { overrides: {} }, ['hourlyRate 150, not none']],
    ['an override the item does not have', standing, { overrides: { hourlyRate: '150', hoursToBill: '2' } }, ['hoursToBill none, not 2']],
    ['an amount instead of a rate', standing, { overrides: { amount: '300' } }, ['hourlyRate 150, not none', 'amount none, not 300']],
    ['a re-routing the item does not have', standing, { overrides: { hourlyRate: '150', contractId: 'tm', reason: 'x' } }, ['contractId as routed, not tm']],
    [
      'another contract than the one it was re-routed to',
      { postedDate: '2026-10-31', overrides: { contractId: 'tm', reason: 'x' } },
      { overrides: { contractId: 'blk', reason: 'x' } },
      ['contractId tm, not blk'],
    ],
    [
      'a contract where it was re-routed to none',
      { postedDate: '2026-10-31', overrides: { contractId: null, reason: 'x' } },
      { overrides: { contractId: 'tm', reason: 'x' } },
      ['contractId none, not tm'],
    ],
  ])('given %s, then each difference is named', (_name, stands, asked, differences) => {
    expect(choiceDifferences(stands, asked)).toEqual(differences);
  });

  it('given the same re-routing with another reason, then nothing differs: a reason explains a choice, it is not one', () => {
    const rerouted: StandingChoices = { postedDate: '2026-10-31', overrides: { contractId: 'tm', reason: 'agreed as T&M' } };
    expect(choiceDifferences(rerouted, { overrides: { contractId: 'tm', reason: 'as agreed on the phone' } })).toEqual([]);
  });
});
