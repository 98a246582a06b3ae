/** Send a delivery's event to its webhook again, as a new delivery. */
export class ReplayDeliveryCommand {
  constructor(
    readonly webhookId: string,
    readonly deliveryId: string,
  ) {}
}
