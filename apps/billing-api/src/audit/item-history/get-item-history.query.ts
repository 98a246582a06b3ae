/** `itemId`: a source item's id (`te-1`, `ch-2`, a purchase's, a derived `svc:…` id), or a billing item's (`bi-te-1-1`). */
export class GetItemHistoryQuery {
  constructor(readonly itemId: string) {}
}
