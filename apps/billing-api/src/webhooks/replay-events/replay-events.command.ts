/** Send a webhook again every matching event after `fromPosition`, through `throughPosition` (or its checkpoint). */
export class ReplayEventsCommand {
  constructor(
    readonly webhookId: string,
    readonly fromPosition: bigint,
    readonly throughPosition: bigint | undefined,
  ) {}
}

export interface ReplayEventsResult {
  webhookId: string;
  fromPosition: string;
  throughPosition: string;
  /** Deliveries queued, one per matching event, in the store's order. */
  queued: number;
}
