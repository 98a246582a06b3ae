import type { InvoiceExportRow } from '@billing/projections';
import { ACCOUNTING_CSV_COLUMNS, accountingCsv, accountingCsvRecord } from './accounting-csv';

const row = (overrides: Partial<InvoiceExportRow> = {}): InvoiceExportRow => ({
  invoiceId: 'inv-acme-1',
  number: 'INV-000001',
  status: 'ISSUED',
  billToAccountId: 'acme',
  billToName: 'Acme Dental',
  invoiceDate: '2026-11-30',
  dueDate: '2026-12-15',
  purchaseOrderNumber: 'PO-1',
  currency: 'USD',
  lineNo: 1,
  itemDate: '2026-11-18',
  type: 'CHARGE',
  billingCodeId: 'cables',
  billingCodeName: 'Cables',
  glAccount: '4100',
  description: 'Cables',
  quantity: '2',
  rate: '25',
  amount: '50.00',
  tax: '4.44',
  taxCategoryId: 'goods',
  ...overrides,
});

const fields = (record: string) => record.replace(/\r\n$/, '').split(',');

describe('the accounting export’s records', () => {
  it('the header names the columns, in order', () => {
    expect([...accountingCsv([])]).toEqual([`${ACCOUNTING_CSV_COLUMNS.join(',')}\r\n`]);
  });

  it('a line: its invoice, customer, dates, PO, code and GL account, quantity × rate = amount, tax category and tax', () => {
    expect(accountingCsvRecord(row())).toBe(
      'INV-000001,ISSUED,Acme Dental,acme,2026-11-30,2026-12-15,PO-1,USD,1,2026-11-18,CHARGE,cables,Cables,4100,Cables,2,25,50.00,goods,4.44\r\n',
    );
  });

  it('a void invoice’s line: quantity, amount and tax 0 (the rate as it was), status VOID', () => {
    const record = fields(accountingCsvRecord(row({ status: 'VOID' })));
    expect([record[1], record[15], record[16], record[17], record[19]]).toEqual(['VOID', '0', '25', '0.00', '0.00']);
  });

  it('an invoice without lines: one record, no line, amount and tax 0.00', () => {
    const none = { lineNo: null, itemDate: null, type: null, billingCodeId: null, billingCodeName: null, glAccount: null, description: null };
    expect(accountingCsvRecord(row({ ...none, quantity: null, rate: null, amount: null, tax: null, taxCategoryId: null }))).toBe(
      'INV-000001,ISSUED,Acme Dental,acme,2026-11-30,2026-12-15,PO-1,USD,,,,,,,,,,0.00,,0.00\r\n',
    );
  });

  it('a credit (a negative amount) stays a number; a customer or description that starts like a formula does not', () => {
    const record = accountingCsvRecord(row({ amount: '-12.50', tax: '-1.11', billToName: '=cmd|calc', description: '@SUM(A1:A9)', quantity: '-0.5' }));
    expect(fields(record)).toEqual(expect.arrayContaining(['-12.50', '-1.11', '-0.5', "'=cmd|calc", "'@SUM(A1:A9)"]));
  });

  it('text with commas, quotes and line breaks is quoted (RFC 4180)', () => {
    expect(accountingCsvRecord(row({ billToName: 'Smith, Jones & "Partners"', description: 'Cat6, 3 m\nblue' }))).toContain(
      ',"Smith, Jones & ""Partners""",acme,',
    );
    expect(accountingCsvRecord(row({ description: 'Cat6, 3 m\nblue' }))).toContain(',"Cat6, 3 m\nblue",');
  });
});
