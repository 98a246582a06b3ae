/** A page of one stream's events, from revision `fromRevision` (inclusive). */
export class ReadStreamQuery {
  constructor(
    readonly streamId: string,
    readonly fromRevision: bigint,
    readonly limit: number,
  ) {}
}
