import type { SourceType } from '@billing/domain';

/** A charge, expense or completed ticket, with where it stands; `idField` is the field its id is in. */
export class GetWorkItemQuery {
  constructor(
    readonly sourceType: SourceType,
    readonly itemId: string,
    readonly idField: string,
  ) {}
}
