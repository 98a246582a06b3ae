/** Every webhook, with its delivery progress on this instance. */
export class ListWebhooksQuery {}

export class GetWebhookQuery {
  constructor(readonly webhookId: string) {}
}
