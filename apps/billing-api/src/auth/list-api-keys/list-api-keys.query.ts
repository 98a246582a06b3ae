/** Every API key, never the key itself: who holds which role, since when, last used when. */
export class ListApiKeysQuery {}

/** One key, as finance sees it in the list. */
export class GetApiKeyQuery {
  constructor(readonly apiKeyId: string) {}
}
