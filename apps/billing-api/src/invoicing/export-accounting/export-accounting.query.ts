/** The accounting export (billing-rules §10): every line of the issued and void invoices dated from `from` to `to`, as CSV. */
export class ExportAccountingQuery {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {}
}
