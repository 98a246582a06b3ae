import type { Decider } from '../shared/decider';
import { RuleViolation } from '../shared/domain-errors';
import { INVOICE_NUMBER_PREFIX } from '../settings/billing-settings.events';
import {
  evolveInvoiceNumbers,
  initialInvoiceNumbersState,
  invoiceNumberOf,
  type InvoiceNumberAssigned,
  type InvoiceNumberEvent,
  type InvoiceNumbersState,
} from './invoice-number.events';

/** Numbers for generated invoices, in the order given; an invoice that has one keeps it. */
export interface AssignInvoiceNumbers {
  type: 'AssignInvoiceNumbers';
  invoices: { invoiceId: string; billToAccountId: string }[];
  prefix: string;
}
export type InvoiceNumberCommand = AssignInvoiceNumbers;

function decideInvoiceNumbers(command: InvoiceNumberCommand, state: InvoiceNumbersState): InvoiceNumberEvent[] {
  switch (command.type) {
    case 'AssignInvoiceNumbers': {
      if (!INVOICE_NUMBER_PREFIX.test(command.prefix))
        throw new RuleViolation('invoice-number-prefix', 'an invoice number prefix is at most 20 letters, digits or . _ / -');
      const events: InvoiceNumberAssigned[] = [];
      const seen = new Set<string>();
      for (const { invoiceId, billToAccountId } of command.invoices) {
        if (state.byInvoice.has(invoiceId) || seen.has(invoiceId)) continue;
        seen.add(invoiceId);
        const sequence = state.last + events.length + 1;
        events.push({ type: 'InvoiceNumberAssigned', data: { invoiceId, billToAccountId, sequence, number: invoiceNumberOf(command.prefix, sequence) } });
      }
      return events;
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const invoiceNumberDecider: Decider<InvoiceNumberCommand, InvoiceNumberEvent, InvoiceNumbersState> = {
  decide: decideInvoiceNumbers,
  evolve: evolveInvoiceNumbers,
  initialState: initialInvoiceNumbersState,
};
