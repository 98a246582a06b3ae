import type { LicenceExceptionFilter, PageBounds } from '@billing/projections';

export class ListLicenceExceptionsQuery {
  constructor(
    readonly filter: LicenceExceptionFilter,
    readonly page: PageBounds,
  ) {}
}

/** One licence exception, as confirming or rejecting it answers. */
export class GetLicenceExceptionQuery {
  constructor(readonly exceptionId: string) {}
}
