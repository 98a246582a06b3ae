import type { PageBounds, WorkItemFilter } from '@billing/projections';

export class GetTimeEntryQuery {
  constructor(readonly timeEntryId: string) {}
}

export class ListTimeEntriesQuery {
  constructor(
    readonly filter: Omit<WorkItemFilter, 'sourceType'>,
    readonly page: PageBounds,
  ) {}
}
