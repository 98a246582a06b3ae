import { dec, roundMoney, type BillingItemData, type Dec, type PostedItemType } from '@billing/domain';
import { billingProjection } from '../billing-projection';
import { cents, highCents, lowCents } from '../ledger/dashboard-values';

/** The dimensions of the profitability report (billing-rules §11). */
export const PROFITABILITY_DIMENSIONS = ['account', 'contract', 'workType'] as const;
export type ProfitabilityDimension = (typeof PROFITABILITY_DIMENSIONS)[number];

/**
 * Prepaid purchases: billed up front, but revenue only as their balance is drawn (the covered
 * share of the items that draw it), so they are kept apart as `prepaid` and never counted twice.
 */
const PURCHASE_TYPES: ReadonlySet<PostedItemType> = new Set(['BLOCK_PURCHASE', 'RETAINER_PURCHASE', 'TICKET_PURCHASE']);

/** Hours are kept in ten-thousandths (the domain's 4 decimal places), so that sums are exact integers. */
const HOURS_SCALE = 10_000;

/** What one posted billing item adds to the report, in integer cents (hours in ten-thousandths). */
export interface ItemProfitability {
  billedCents: bigint;
  coveredCents: bigint;
  prepaidCents: bigint;
  costCents: bigint;
  hoursE4: bigint;
}

/**
 * The covered-work rule (docs/profitability.md): an item a prepaid balance paid for counts at what
 * the customer paid for what it drew: block hours drawn × the block's hourly rate, retainer money
 * drawn at face value, a ticket at its per-ticket rate; rounded half-up to cents once per item.
 * `rateOf` answers the purchase's price of one unit drawn (hour, dollar, ticket).
 */
export function itemProfitability(item: BillingItemData, rateOf: (purchaseId: string) => Dec): ItemProfitability {
  const prepaid = PURCHASE_TYPES.has(item.type);
  const covered = item.draws.reduce((sum, draw) => sum.plus(dec(draw.quantity).times(rateOf(draw.purchaseId))), dec(0));
  return {
    billedCents: prepaid ? 0n : cents(item.amount),
    coveredCents: cents(roundMoney(covered)),
    prepaidCents: prepaid ? cents(item.amount) : 0n,
    costCents: cents(item.cost),
    hoursE4: item.labour ? hoursE4(item.quantity) : 0n,
  };
}

function hoursE4(hours: string): bigint {
  const scaled = dec(hours).times(HOURS_SCALE);
  if (!scaled.isInteger()) throw new Error(`the hours ${hours} have more than 4 decimal places`);
  return BigInt(scaled.toFixed(0));
}

interface ItemRow {
  account_id: string;
  contract_id: string;
  work_type_id: string;
  item_date: string;
  billed_cents: bigint;
  covered_cents: bigint;
  prepaid_cents: bigint;
  cost_cents: bigint;
  hours_e4: bigint;
}

/**
 * Profitability (billing-rules §11): revenue, cost and margin of the posted items, one row per
 * dimension (account, contract, work type), key and item date, so that any range of days sums
 * exactly and months are groups of days. An unposted item is taken out again; invoices and voids
 * change nothing (revenue is recognised at posting). Money in integer cents, each sum in two
 * parts as the dashboard keeps them (`highCents`, `lowCents`), so no SQL sum leaves 64 bits. An
 * item without a contract or work type counts under the key '' (shown as null).
 */
export const profitabilityProjection = billingProjection({
  name: 'profitability',
  version: 1,
  tables: ['profitability_purchases', 'profitability_items', 'profitability_days'],
  canHandle: ['BlockPurchased', 'RetainerPurchased', 'TicketsPurchased', 'ItemPosted', 'ItemUnposted'],
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS profitability_purchases (purchase_id TEXT PRIMARY KEY, unit_rate TEXT NOT NULL)');
    // What each posted item added, to take out again on an unpost.
    db.exec(`CREATE TABLE IF NOT EXISTS profitability_items (billing_item_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, contract_id TEXT NOT NULL,
      work_type_id TEXT NOT NULL, item_date TEXT NOT NULL, billed_cents INTEGER NOT NULL, covered_cents INTEGER NOT NULL, prepaid_cents INTEGER NOT NULL,
      cost_cents INTEGER NOT NULL, hours_e4 INTEGER NOT NULL)`);
    db.exec(`CREATE TABLE IF NOT EXISTS profitability_days (dimension TEXT NOT NULL, key TEXT NOT NULL, item_date TEXT NOT NULL, items INTEGER NOT NULL,
      billed_high INTEGER NOT NULL, billed_low INTEGER NOT NULL, covered_high INTEGER NOT NULL, covered_low INTEGER NOT NULL,
      prepaid_high INTEGER NOT NULL, prepaid_low INTEGER NOT NULL, cost_high INTEGER NOT NULL, cost_low INTEGER NOT NULL, hours_e4 INTEGER NOT NULL,
      PRIMARY KEY (dimension, item_date, key))`);

    const addPurchase = db.prepare('INSERT OR REPLACE INTO profitability_purchases (purchase_id, unit_rate) VALUES (?, ?)');
    const purchaseRate = db.prepare<[string], { unit_rate: string }>('SELECT unit_rate FROM profitability_purchases WHERE purchase_id = ?');
    const rateOf = (purchaseId: string): Dec => {
      const purchase = purchaseRate.get(purchaseId);
      // Stopping the projection is better than counting a draw at a price it does not know.
      if (!purchase) throw new Error(`a posted item drew on purchase ${purchaseId}, which profitability has not seen`);
      return dec(purchase.unit_rate);
    };
    const insertItem = db.prepare(`INSERT INTO profitability_items (billing_item_id, account_id, contract_id, work_type_id, item_date,
      billed_cents, covered_cents, prepaid_cents, cost_cents, hours_e4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const itemAt = db
      .prepare<[string], ItemRow>(
        'SELECT account_id, contract_id, work_type_id, item_date, billed_cents, covered_cents, prepaid_cents, cost_cents, hours_e4 FROM profitability_items WHERE billing_item_id = ?',
      )
      .safeIntegers();
    const removeItem = db.prepare('DELETE FROM profitability_items WHERE billing_item_id = ?');
    const addToDay = db.prepare<unknown[], { items: number }>(`INSERT INTO profitability_days (dimension, key, item_date, items,
      billed_high, billed_low, covered_high, covered_low, prepaid_high, prepaid_low, cost_high, cost_low, hours_e4)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (dimension, item_date, key) DO UPDATE SET items = items + excluded.items,
        billed_high = billed_high + excluded.billed_high, billed_low = billed_low + excluded.billed_low,
        covered_high = covered_high + excluded.covered_high, covered_low = covered_low + excluded.covered_low,
        prepaid_high = prepaid_high + excluded.prepaid_high, prepaid_low = prepaid_low + excluded.prepaid_low,
        cost_high = cost_high + excluded.cost_high, cost_low = cost_low + excluded.cost_low, hours_e4 = hours_e4 + excluded.hours_e4
      RETURNING items`);
    const dropDay = db.prepare('DELETE FROM profitability_days WHERE dimension = ? AND item_date = ? AND key = ?');

    /** Adds (sign 1) or takes out (sign -1) an item in each dimension's row of its day; a row left with no item goes. */
    const count = (row: ItemRow, sign: 1n | -1n) => {
      const parts = (value: bigint) => [highCents(sign * value), lowCents(sign * value)];
      const keys: Record<ProfitabilityDimension, string> = { account: row.account_id, contract: row.contract_id, workType: row.work_type_id };
      for (const dimension of PROFITABILITY_DIMENSIONS) {
        const { items } = addToDay.get(
          dimension,
          keys[dimension],
          row.item_date,
          Number(sign),
          ...parts(row.billed_cents),
          ...parts(row.covered_cents),
          ...parts(row.prepaid_cents),
          ...parts(row.cost_cents),
          sign * row.hours_e4,
        )!;
        if (items === 0) dropDay.run(dimension, row.item_date, keys[dimension]);
      }
    };

    return (event) => {
      switch (event.type) {
        case 'BlockPurchased':
          return void addPurchase.run(event.data.purchaseId, event.data.hourlyRate);
        case 'RetainerPurchased':
          return void addPurchase.run(event.data.purchaseId, '1');
        case 'TicketsPurchased':
          return void addPurchase.run(event.data.purchaseId, event.data.perTicketRate);
        case 'ItemPosted': {
          const item = event.data;
          const figures = itemProfitability(item, rateOf);
          const row: ItemRow = {
            account_id: item.accountId,
            contract_id: item.contractId ?? '',
            work_type_id: item.labour?.workTypeId ?? '',
            item_date: item.itemDate,
            billed_cents: figures.billedCents,
            covered_cents: figures.coveredCents,
            prepaid_cents: figures.prepaidCents,
            cost_cents: figures.costCents,
            hours_e4: figures.hoursE4,
          };
          insertItem.run(
            item.billingItemId,
            row.account_id,
            row.contract_id,
            row.work_type_id,
            row.item_date,
            row.billed_cents,
            row.covered_cents,
            row.prepaid_cents,
            row.cost_cents,
            row.hours_e4,
          );
          count(row, 1n);
          return;
        }
        case 'ItemUnposted':
          for (const id of event.data.billingItemIds) {
            const row = itemAt.get(id);
            if (!row) continue;
            count(row, -1n);
            removeItem.run(id);
          }
          return;
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
