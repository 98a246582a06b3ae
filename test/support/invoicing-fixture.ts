import type { TestApp } from './test-app';

/** Sends a request as finance and fails loudly unless it answers 200 or 201. */
export async function ok(t: TestApp, method: 'post' | 'put', url: string, body: object) {
  const res = await t.as()[method](url).send(body);
  if (res.status !== 200 && res.status !== 201) throw new Error(`${method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The catalog every invoicing test shares: an engineer at $120/h, work types, NY tax on labour (8.875%). */
export async function setUpCatalog(t: TestApp) {
  await ok(t, 'post', '/api/roles', { id: 'engineer', name: 'Engineer', hourlyRate: '120', hourlyCost: '50' });
  await ok(t, 'post', '/api/work-types', { id: 'remote', name: 'Remote Support', taxCategory: 'labour' });
  await ok(t, 'post', '/api/work-types', { id: 'onsite', name: 'Onsite', taxCategory: 'labour' });
  // non-billable and left off invoices
  await ok(t, 'post', '/api/work-types', { id: 'internal', name: 'Internal', billable: false, showOnInvoice: false });
  await ok(t, 'post', '/api/tax-regions', { id: 'ny', name: 'New York', rates: [{ taxCategory: 'labour', name: 'NY sales tax', rate: '0.08875' }] });
}

/**
 * Acme (NY tax, 15 days to pay) and its agreement: Recurring `acme-rec` (default; onsite goes to
 * the block) and Block `acme-blk` (10 h × $100 from 2026-11-01) both on PO-1, T&M `acme-tm`
 * ($110/h) on PO-2.
 */
export async function setUpAcme(t: TestApp, accountId = 'acme') {
  const id = (name: string) => `${accountId}-${name}`;
  await ok(t, 'post', '/api/accounts', { id: accountId, name: `Account ${accountId}`, taxRegionId: 'ny', paymentTermsDays: 15 });
  const term = { accountId, startDate: '2026-01-01', endDate: '2026-12-31' };
  await ok(t, 'post', '/api/contracts', {
    ...term,
    id: id('tm'),
    name: 'T&M',
    type: 'TIME_AND_MATERIALS',
    purchaseOrderNumber: 'PO-2',
    roleRates: [{ roleId: 'engineer', hourlyRate: '110' }],
  });
  await ok(t, 'post', '/api/contracts', { ...term, id: id('blk'), name: 'Block', type: 'BLOCK_HOURS', purchaseOrderNumber: 'PO-1', overageRate: '140' });
  await ok(t, 'post', '/api/contracts', {
    ...term,
    id: id('rec'),
    name: 'Managed services',
    type: 'RECURRING_SERVICE',
    periodType: 'MONTHLY',
    purchaseOrderNumber: 'PO-1',
    isDefault: true,
    excludedWorkTypeIds: ['onsite'],
    exclusionContractId: id('blk'),
  });
  await ok(t, 'post', `/api/contracts/${id('blk')}/block-purchases`, {
    id: id('b1'),
    hours: '10',
    hourlyRate: '100',
    startDate: '2026-11-01',
    endDate: '2026-11-30',
  });
  return { rec: id('rec'), blk: id('blk'), tm: id('tm'), block: id('b1') };
}

/** Logs a time entry as finance (for engineer `ann`). */
export const logTime = (t: TestApp, body: Record<string, unknown>) => ok(t, 'post', '/api/time-entries', { resourceId: 'ann', roleId: 'engineer', ...body });

/** Posts the items on 2026-11-21 and answers the billing items. */
export async function post(t: TestApp, itemIds: string[]): Promise<{ id: string; sourceItemId: string }[]> {
  return (await ok(t, 'post', '/api/approve-and-post', { itemIds, postedDate: '2026-11-21' })).posted;
}

/**
 * Acme's month, posted (`p` prefixes every id, so that several accounts can share a store):
 * - PO-1: `te-1` remote 2 h on Recurring (covered, 0.00), `te-2` onsite 3 h from the block
 *   (0.00), `te-4` internal 1 h on Recurring (no charge, left off), the block purchase $1,000.00;
 * - PO-2: `te-3` 2 h on T&M × $110 = $220.00, tax 19.525 → $19.53; `ch-2` 1 × $30.00 with PO-2 of its own;
 * - no PO: `ch-1` 2 × $25.00 = $50.00 on no contract.
 */
export async function postAcmesMonth(t: TestApp, accountId = 'acme', p = '') {
  const ids = await setUpAcme(t, accountId);
  await logTime(t, { id: `${p}te-1`, accountId, workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '2' });
  await logTime(t, { id: `${p}te-2`, accountId, workTypeId: 'onsite', dateWorked: '2026-11-17', hoursWorked: '3' });
  await logTime(t, { id: `${p}te-3`, accountId, workTypeId: 'remote', contractId: ids.tm, dateWorked: '2026-11-18', hoursWorked: '2' });
  await logTime(t, { id: `${p}te-4`, accountId, workTypeId: 'internal', dateWorked: '2026-11-19', hoursWorked: '1' });
  await ok(t, 'post', '/api/charges', { id: `${p}ch-1`, accountId, name: 'Cables', date: '2026-11-19', quantity: '2', unitPrice: '25' });
  await ok(t, 'post', '/api/charges', {
    id: `${p}ch-2`,
    accountId,
    name: 'Licence',
    date: '2026-11-20',
    quantity: '1',
    unitPrice: '30',
    purchaseOrderNumber: 'PO-2',
  });
  await post(t, [`${p}te-1`, `${p}te-2`, `${p}te-3`, `${p}te-4`, ids.block, `${p}ch-1`, `${p}ch-2`]);
  return ids;
}
