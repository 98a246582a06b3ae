import { billingProjection } from '../billing-projection';

/**
 * Invoices (billing-rules §10, §11): one row per invoice and one per line, so that a list reads
 * only the invoices and an export streams the lines in SQL (`invoice_lines` by invoice and line
 * number, with what the line was for). An invoice is shown once issued (numbered); a void one
 * keeps every column but its status and the void's reason, author and time.
 *
 * What an invoice document and the accounting export print beyond the ledger's event is written
 * on the rows when the invoice is generated, from small tables this projection keeps itself: the
 * bill-to account's name, each contract's name, and each line's billing code with its name and
 * general ledger account (a charge's, expense's, purchase's or milestone's own code; a service
 * period's or adjustment's, its service's). Names, codes and GL accounts never change once
 * created, so the rows say what they said when the invoice was made, and the export reads two
 * tables of one read model.
 */
export const invoicesProjection = billingProjection({
  name: 'invoices',
  version: 2,
  tables: [
    'invoices',
    'invoice_lines',
    'invoice_account_names',
    'invoice_contract_names',
    'invoice_billing_codes',
    'invoice_item_codes',
    'invoice_service_codes',
  ],
  canHandle: [
    'InvoiceGenerated',
    'InvoiceIssued',
    'InvoiceVoided',
    'AccountCreated',
    'ContractCreated',
    'BillingCodeCreated',
    'ChargeRecorded',
    'ExpenseRecorded',
    'BlockPurchased',
    'RetainerPurchased',
    'TicketsPurchased',
    'MilestoneAdded',
    'ServiceAdded',
    'ServicePeriodAccrued',
    'ServiceAdjustmentAccrued',
  ],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS invoices (
      id TEXT PRIMARY KEY, run_id TEXT NOT NULL, status TEXT NOT NULL, number TEXT, sequence INTEGER,
      bill_to_account_id TEXT NOT NULL, purchase_order_number TEXT, invoice_date TEXT NOT NULL, due_date TEXT NOT NULL, through TEXT NOT NULL,
      currency TEXT NOT NULL, subtotal TEXT NOT NULL, tax TEXT NOT NULL, total TEXT NOT NULL, line_count INTEGER NOT NULL, contract_subtotals TEXT NOT NULL,
      void_reason TEXT, voided_by TEXT, voided_at TEXT, void_unposted INTEGER, bill_to_name TEXT NOT NULL, contract_names TEXT NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS invoices_by_sequence ON invoices (sequence)');
    db.exec('CREATE INDEX IF NOT EXISTS invoices_by_account ON invoices (bill_to_account_id, sequence)');
    db.exec('CREATE INDEX IF NOT EXISTS invoices_by_date ON invoices (invoice_date, sequence)');
    db.exec(`CREATE TABLE IF NOT EXISTS invoice_lines (
      invoice_id TEXT NOT NULL, line_no INTEGER NOT NULL, billing_item_id TEXT NOT NULL, source_item_id TEXT NOT NULL, account_id TEXT NOT NULL,
      contract_id TEXT, type TEXT NOT NULL, description TEXT NOT NULL, item_date TEXT NOT NULL, quantity TEXT NOT NULL, rate TEXT NOT NULL,
      amount TEXT NOT NULL, tax TEXT NOT NULL, tax_category_id TEXT, billing_code_id TEXT, billing_code_name TEXT, gl_account TEXT,
      PRIMARY KEY (invoice_id, line_no))`);
    db.exec('CREATE TABLE IF NOT EXISTS invoice_account_names (id TEXT PRIMARY KEY, name TEXT NOT NULL)');
    db.exec('CREATE TABLE IF NOT EXISTS invoice_contract_names (id TEXT PRIMARY KEY, name TEXT NOT NULL)');
    db.exec('CREATE TABLE IF NOT EXISTS invoice_billing_codes (id TEXT PRIMARY KEY, name TEXT NOT NULL, gl_account TEXT)');
    // Only the source items (and services) that name a billing code.
    db.exec('CREATE TABLE IF NOT EXISTS invoice_item_codes (source_item_id TEXT PRIMARY KEY, billing_code_id TEXT NOT NULL)');
    db.exec(
      'CREATE TABLE IF NOT EXISTS invoice_service_codes (contract_id TEXT NOT NULL, service_id TEXT NOT NULL, billing_code_id TEXT NOT NULL, PRIMARY KEY (contract_id, service_id))',
    );
    const insert = db.prepare(`INSERT INTO invoices (id, run_id, status, bill_to_account_id, purchase_order_number, invoice_date, due_date, through,
        currency, subtotal, tax, total, line_count, contract_subtotals, bill_to_name, contract_names)
      VALUES (@invoiceId, @runId, 'GENERATED', @billToAccountId, @purchaseOrderNumber, @invoiceDate, @dueDate, @through,
        @currency, @subtotal, @tax, @total, @lineCount, @contractSubtotals, @billToName, @contractNames)`);
    const insertLine = db.prepare(`INSERT INTO invoice_lines (invoice_id, line_no, billing_item_id, source_item_id, account_id, contract_id, type,
        description, item_date, quantity, rate, amount, tax, tax_category_id, billing_code_id, billing_code_name, gl_account)
      SELECT @invoiceId, @lineNo, @billingItemId, @sourceItemId, @accountId, @contractId, @type, @description, @itemDate, @quantity, @rate, @amount, @tax,
        @taxCategoryId, c.id, c.name, c.gl_account
      FROM (SELECT 1) LEFT JOIN invoice_item_codes i ON i.source_item_id = @sourceItemId LEFT JOIN invoice_billing_codes c ON c.id = i.billing_code_id`);
    const accountName = db.prepare<[string], string>('SELECT name FROM invoice_account_names WHERE id = ?').pluck();
    const contractName = db.prepare<[string], string>('SELECT name FROM invoice_contract_names WHERE id = ?').pluck();
    const rememberAccount = db.prepare('INSERT OR REPLACE INTO invoice_account_names (id, name) VALUES (?, ?)');
    const rememberContract = db.prepare('INSERT OR REPLACE INTO invoice_contract_names (id, name) VALUES (?, ?)');
    const rememberCode = db.prepare('INSERT OR REPLACE INTO invoice_billing_codes (id, name, gl_account) VALUES (?, ?, ?)');
    const rememberItemCode = db.prepare('INSERT OR REPLACE INTO invoice_item_codes (source_item_id, billing_code_id) VALUES (?, ?)');
    const rememberServiceCode = db.prepare('INSERT OR REPLACE INTO invoice_service_codes (contract_id, service_id, billing_code_id) VALUES (?, ?, ?)');
    const serviceItemCode = db.prepare(`INSERT OR REPLACE INTO invoice_item_codes (source_item_id, billing_code_id)
      SELECT ?, billing_code_id FROM invoice_service_codes WHERE contract_id = ? AND service_id = ?`);
    const itemCode = (sourceItemId: string, billingCodeId: string | null) => {
      if (billingCodeId !== null) rememberItemCode.run(sourceItemId, billingCodeId);
    };
    /** Each contract's name, by id, as the invoice's subtotals name them (null: the lines without a contract). */
    const contractNamesOf = (subtotals: readonly { contractId: string | null }[]) =>
      Object.fromEntries(subtotals.flatMap(({ contractId }) => (contractId === null ? [] : [[contractId, contractName.get(contractId) ?? contractId]])));
    const issue = db.prepare("UPDATE invoices SET status = 'ISSUED', number = ?, sequence = ? WHERE id = ?");
    const voidIt = db.prepare("UPDATE invoices SET status = 'VOID', void_reason = ?, voided_by = ?, voided_at = ?, void_unposted = ? WHERE id = ?");
    return (event) => {
      switch (event.type) {
        case 'InvoiceGenerated': {
          const { items: _items, lines, contractSubtotals, ...invoice } = event.data;
          insert.run({
            ...invoice,
            lineCount: lines.length,
            contractSubtotals: JSON.stringify(contractSubtotals),
            billToName: accountName.get(invoice.billToAccountId) ?? invoice.billToAccountId,
            contractNames: JSON.stringify(contractNamesOf(contractSubtotals)),
          });
          lines.forEach((line, i) => insertLine.run({ ...line, invoiceId: invoice.invoiceId, lineNo: i + 1 }));
          return;
        }
        case 'InvoiceIssued':
          issue.run(event.data.number, event.data.sequence, event.data.invoiceId);
          return;
        case 'InvoiceVoided': {
          const { reason, voidedBy, voidedAt, unpost, invoiceId } = event.data;
          voidIt.run(reason, voidedBy, voidedAt, unpost ? 1 : 0, invoiceId);
          return;
        }
        case 'AccountCreated':
          rememberAccount.run(event.data.accountId, event.data.name);
          return;
        case 'ContractCreated':
          rememberContract.run(event.data.contractId, event.data.name);
          return;
        case 'BillingCodeCreated':
          rememberCode.run(event.data.billingCodeId, event.data.name, event.data.glAccount);
          return;
        case 'ChargeRecorded':
          return itemCode(event.data.chargeId, event.data.billingCodeId);
        case 'ExpenseRecorded':
          return itemCode(event.data.expenseId, event.data.billingCodeId);
        case 'BlockPurchased':
        case 'RetainerPurchased':
        case 'TicketsPurchased':
          return itemCode(event.data.purchaseId, event.data.billingCodeId);
        case 'MilestoneAdded':
          return itemCode(event.data.milestoneId, event.data.billingCodeId);
        case 'ServiceAdded':
          if (event.data.billingCodeId !== null) rememberServiceCode.run(event.data.contractId, event.data.serviceId, event.data.billingCodeId);
          return;
        case 'ServicePeriodAccrued':
        case 'ServiceAdjustmentAccrued':
          serviceItemCode.run(event.data.itemId, event.data.contractId, event.data.serviceId);
          return;
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
