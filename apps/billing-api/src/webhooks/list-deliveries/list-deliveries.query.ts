import type { PageBounds } from '@billing/projections';
import type { DeliveryStatus } from '../delivery/delivery-log';

/** A webhook's deliveries on this instance, newest first. */
export class ListDeliveriesQuery {
  constructor(
    readonly webhookId: string,
    readonly status: DeliveryStatus | undefined,
    readonly page: PageBounds,
  ) {}
}
