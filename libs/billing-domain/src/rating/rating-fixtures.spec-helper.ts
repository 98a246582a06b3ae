/** Shared test data for the rating specs (not a spec itself). Numbers chosen to work out by hand. */
import type {
  BillToTaxContext,
  BlockPurchaseBalance,
  ContractRatingSnapshot,
  PendingItem,
  PendingLabour,
  PostingBatchInput,
  RetainerPurchaseBalance,
  RoleSnapshot,
  TicketPurchaseBalance,
  WorkTypeSnapshot,
} from './rating-inputs';

export const roles: RoleSnapshot[] = [
  { id: 'tech', hourlyRate: '100', hourlyCost: '40' }, // block multiplier: default 1
  { id: 'engineer', hourlyRate: '150', hourlyCost: '60', blockHourMultiplier: '2' },
  { id: 'intern', hourlyRate: '60', hourlyCost: '20', blockHourMultiplier: '0.5' },
];

export const workTypes: WorkTypeSnapshot[] = [
  { id: 'remote', billable: true, taxCategoryId: 'services', modifier: { kind: 'none' } },
  { id: 'onsite', billable: true, taxCategoryId: 'services', modifier: { kind: 'multiply', value: '1.5' } },
  { id: 'out-of-hours', billable: true, taxCategoryId: 'services', modifier: { kind: 'multiply', value: '2' } },
  { id: 'travel', billable: true, modifier: { kind: 'add', value: '25' } },
  { id: 'emergency', billable: true, modifier: { kind: 'custom', value: '250' } },
  { id: 'setup', billable: true, modifier: { kind: 'flat', value: '80' } },
  { id: 'internal', billable: false, showOnInvoice: true, modifier: { kind: 'none' } },
  { id: 'short-call', billable: true, minHours: '0.5', maxHours: '2', modifier: { kind: 'none' } },
];

export function block(id: string, fields: Partial<BlockPurchaseBalance> = {}): BlockPurchaseBalance {
  return {
    id,
    hours: '10',
    hourlyRate: '90',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    active: true,
    remaining: '10',
    sequence: 1,
    ...fields,
  };
}

export function retainerPurchase(id: string, fields: Partial<RetainerPurchaseBalance> = {}): RetainerPurchaseBalance {
  return { id, amount: '500', startDate: '2026-01-01', endDate: '2026-12-31', active: true, remaining: '500', sequence: 1, ...fields };
}

export function ticketPurchase(id: string, fields: Partial<TicketPurchaseBalance> = {}): TicketPurchaseBalance {
  return { id, tickets: 5, perTicketRate: '45', startDate: '2026-01-01', endDate: '2026-12-31', active: true, remaining: 5, sequence: 1, ...fields };
}

export function labour(id: string, fields: Partial<PendingLabour> = {}): PendingLabour {
  return { kind: 'LABOR', id, contractId: null, dateWorked: '2026-03-02', roleId: 'tech', workTypeId: 'remote', hoursWorked: '1', ...fields };
}

export const noTax: BillToTaxContext = { taxExempt: false, region: null };

export function batch(
  items: PendingItem[],
  options: Partial<Omit<PostingBatchInput, 'items' | 'catalog' | 'settings'>> & {
    contracts?: ContractRatingSnapshot[];
    roundUpMinutes?: number;
    multiplyOverage?: boolean;
  } = {},
): PostingBatchInput {
  return {
    items,
    catalog: { roles, workTypes, contracts: options.contracts ?? [] },
    settings: { roundUpMinutes: options.roundUpMinutes ?? 0, multiplyOverage: options.multiplyOverage ?? false },
    overrides: options.overrides,
    billTo: options.billTo ?? noTax,
  };
}
