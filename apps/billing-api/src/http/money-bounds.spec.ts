import type { Type } from '@nestjs/common';
import { PostItemsRequest } from '../approve-and-post/post-items/post-items.request.dto';
import { CreateRoleRequest } from '../catalog/roles/create-role/create-role.request.dto';
import { CreateWorkTypeRequest } from '../catalog/work-types/create-work-type/create-work-type.request.dto';
import { AddServiceRequest } from '../contracts/add-service/add-service.request.dto';
import { CreateContractRequest } from '../contracts/create-contract/create-contract.request.dto';
import { PurchaseBlockRequest } from '../contracts/purchase-block/purchase-block.request.dto';
import { PurchaseRetainerRequest } from '../contracts/purchase-retainer/purchase-retainer.request.dto';
import { PurchaseTicketsRequest } from '../contracts/purchase-tickets/purchase-tickets.request.dto';
import { RecordChargeRequest } from '../work/charges/record-charge/record-charge.request.dto';
import { RecordExpenseRequest } from '../work/expenses/record-expense/record-expense.request.dto';
import { createValidationPipe } from './validation';

/** The fields a body is refused for (400), or `[]` when the pipe accepts it. */
async function refusedFields(metatype: Type<unknown>, body: object): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    const refusal = error as { getStatus(): number; getResponse(): { error: string; details: { field: string }[] } };
    expect(refusal.getStatus()).toBe(400);
    expect(refusal.getResponse().error).toBe('validation');
    return refusal.getResponse().details.map((d) => d.field);
  }
}

const charge = { accountId: 'acme', name: 'SSD', date: '2026-11-16', quantity: '1', unitPrice: '1' };
const dates = { startDate: '2026-01-01', endDate: '2026-12-31' };

describe('money bounds: every amount, price and rate a request gives keeps one item under 10^12 (400 naming the field)', () => {
  it('a charge of 999999999999999 × 999999999999999 is refused on both fields', async () => {
    expect(await refusedFields(RecordChargeRequest, { ...charge, quantity: '999999999999999', unitPrice: '999999999999999' })).toEqual([
      'quantity',
      'unitPrice',
    ]);
  });

  it('a charge whose quantity × unitPrice is beyond 999999999999.99 is refused on unitPrice, each field being within its own bound', async () => {
    // 10 × 99999999999.9999 = 999999999999.999 > 999999999999.99
    expect(await refusedFields(RecordChargeRequest, { ...charge, quantity: '10', unitPrice: '99999999999.9999' })).toEqual(['unitPrice']);
    // 10 × 99999999999.999 = 999999999999.99: the bound itself
    expect(await refusedFields(RecordChargeRequest, { ...charge, quantity: '10', unitPrice: '99999999999.999' })).toEqual([]);
    expect(await refusedFields(RecordChargeRequest, { ...charge, unitCost: '1000000000000' })).toEqual(['unitCost']);
  });

  it('an expense and a retainer purchase are at most 999999999999.99', async () => {
    const expense = { accountId: 'acme', category: 'travel', date: '2026-11-16' };
    expect(await refusedFields(RecordExpenseRequest, { ...expense, amount: '1000000000000' })).toEqual(['amount']);
    expect(await refusedFields(RecordExpenseRequest, { ...expense, amount: '999999999999.99' })).toEqual([]);
    expect(await refusedFields(PurchaseRetainerRequest, { ...dates, amount: '999999999999.991' })).toEqual(['amount']);
  });

  it('a block purchase’s rate is at most 99999999.9999 an hour, and hours × hourlyRate at most 999999999999.99', async () => {
    expect(await refusedFields(PurchaseBlockRequest, { ...dates, hours: '1', hourlyRate: '100000000' })).toEqual(['hourlyRate']);
    // 10000.0001 × 99999999.9999 = 999999999999 + 9999.99999999 = 1000000009998.99999999 > 999999999999.99
    expect(await refusedFields(PurchaseBlockRequest, { ...dates, hours: '10000.0001', hourlyRate: '99999999.9999' })).toEqual(['hourlyRate']);
    // 10000 × 99999999.9999 = 999999999999
    expect(await refusedFields(PurchaseBlockRequest, { ...dates, hours: '10000', hourlyRate: '99999999.9999' })).toEqual([]);
  });

  it('tickets × perTicketRate and units × unitPrice are at most 999999999999.99', async () => {
    // 1,000,000 × 1,000,000 = 10^12
    expect(await refusedFields(PurchaseTicketsRequest, { ...dates, tickets: 1_000_000, perTicketRate: '1000000' })).toEqual(['perTicketRate']);
    expect(await refusedFields(PurchaseTicketsRequest, { ...dates, tickets: 1_000_000, perTicketRate: '999999.9999' })).toEqual([]);
    // 1,000 × 1,000,000,000 = 10^12
    expect(await refusedFields(AddServiceRequest, { name: 'Desktops', units: '1000', unitPrice: '1000000000' })).toEqual(['unitPrice']);
    expect(await refusedFields(AddServiceRequest, { name: 'Desktops', units: '1000', unitPrice: '999999999.99' })).toEqual([]);
  });

  it('hourly rates are at most 99999999.9999 and multipliers at most 100, in roles, work types and contracts', async () => {
    expect(await refusedFields(CreateRoleRequest, { name: 'Eng', hourlyRate: '100000000', hourlyCost: '100000000', blockHourMultiplier: '100.0001' })).toEqual([
      'hourlyRate',
      'hourlyCost',
      'blockHourMultiplier',
    ]);
    expect(await refusedFields(CreateRoleRequest, { name: 'Eng', hourlyRate: '99999999.9999', hourlyCost: '0', blockHourMultiplier: '100' })).toEqual([]);
    for (const modifier of [
      { type: 'multiply', value: '100.0001' },
      { type: 'add', value: '-100000000' },
      { type: 'custom', value: '100000000' },
      { type: 'flat', value: '100000000' },
    ])
      expect(await refusedFields(CreateWorkTypeRequest, { name: 'Onsite', modifier })).toEqual(['modifier.value']);
    expect(await refusedFields(CreateWorkTypeRequest, { name: 'Onsite', modifier: { type: 'add', value: '-99999999.9999' } })).toEqual([]);
    const contract = { accountId: 'acme', name: 'Block', type: 'BLOCK_HOURS', ...dates };
    expect(
      await refusedFields(CreateContractRequest, {
        ...contract,
        roleRates: [{ roleId: 'eng', hourlyRate: '100000000' }],
        overageRate: '100000000',
        blockHourMultipliers: [{ roleId: 'eng', multiplier: '101' }],
        setupFee: '1000000000000',
      }),
    ).toEqual(['roleRates.0.hourlyRate', 'overageRate', 'blockHourMultipliers.0.multiplier', 'setupFee']);
  });

  it('an approver’s overrides: hours to bill at most 24, a rate at most 99999999.9999, an amount at most 999999999999.99', async () => {
    const post = (override: object) => refusedFields(PostItemsRequest, { itemIds: ['te-1'], overrides: { 'te-1': override } });
    expect(await post({ hoursToBill: '24.0001', hourlyRate: '100000000', amount: '1000000000000' })).toEqual([
      'overrides.te-1.hoursToBill',
      'overrides.te-1.hourlyRate',
      'overrides.te-1.amount',
    ]);
    expect(await post({ hoursToBill: '24', hourlyRate: '99999999.9999', amount: '999999999999.99' })).toEqual([]);
  });
});
