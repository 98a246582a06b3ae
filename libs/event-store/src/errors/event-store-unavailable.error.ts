/** The store could not be reached or opened. */
export class EventStoreUnavailable extends Error {
  override readonly name = 'EventStoreUnavailable';

  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
