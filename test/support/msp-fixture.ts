import type { TestApp } from './test-app';

/**
 * The managed-service agreement of billing-rules §4, set up through the API:
 * Recurring (the account's default; excludes Onsite and Out-of-Hours, exclusion contract = Block)
 * → Block (excludes Out-of-Hours, exclusion contract = T&M) → T&M.
 *
 * Rates: role "engineer" $120/h (cost $50/h); T&M contract rate for engineers $110/h;
 * block overage rate $140/h; work type "out-of-hours" multiplies the rate by 1.5.
 */
export async function setUpLinkedContracts(t: TestApp, options: { accountId?: string; blockHours?: string; taxRegionId?: string } = {}) {
  const accountId = options.accountId ?? 'acme';
  const id = (name: string) => `${accountId}-${name}`;
  const ok = (status: number) => status === 200 || status === 201;
  const post = async (url: string, body: object) => {
    const res = await t.as().post(url).send(body);
    if (!ok(res.status)) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await post('/api/roles', { id: 'engineer', name: 'Engineer', hourlyRate: '120', hourlyCost: '50' });
  await post('/api/work-types', { id: 'remote', name: 'Remote Support' });
  await post('/api/work-types', { id: 'onsite', name: 'Onsite' });
  await post('/api/work-types', { id: 'out-of-hours', name: 'Out-of-Hours', modifier: { type: 'multiply', value: '1.5' } });
  await post('/api/accounts', { id: accountId, name: `Account ${accountId}`, ...(options.taxRegionId ? { taxRegionId: options.taxRegionId } : {}) });
  await post('/api/contracts', {
    id: id('tm'),
    accountId,
    name: 'Time & Materials',
    type: 'TIME_AND_MATERIALS',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    roleRates: [{ roleId: 'engineer', hourlyRate: '110' }],
  });
  await post('/api/contracts', {
    id: id('blk'),
    accountId,
    name: 'Block of hours',
    type: 'BLOCK_HOURS',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    excludedWorkTypeIds: ['out-of-hours'],
    exclusionContractId: id('tm'),
    overageRate: '140',
  });
  await post('/api/contracts', {
    id: id('rec'),
    accountId,
    name: 'Managed services',
    type: 'RECURRING_SERVICE',
    periodType: 'MONTHLY',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    isDefault: true,
    excludedWorkTypeIds: ['onsite', 'out-of-hours'],
    exclusionContractId: id('blk'),
  });
  await post(`/api/contracts/${id('blk')}/block-purchases`, {
    id: id('b1'),
    hours: options.blockHours ?? '10',
    hourlyRate: '100',
    startDate: '2026-11-01',
    endDate: '2026-11-30',
  });
  return { accountId, tm: id('tm'), blk: id('blk'), rec: id('rec'), block: id('b1') };
}

/** Logs a time entry as a technician would and returns the answer's body. */
export async function logTime(t: TestApp, key: string, body: Record<string, unknown>) {
  const res = await t
    .as(key)
    .post('/api/time-entries')
    .send({ resourceId: 'ann', roleId: 'engineer', ...body });
  if (res.status !== 201) throw new Error(`time entry → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
