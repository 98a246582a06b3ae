export class GetExclusionSetQuery {
  constructor(readonly exclusionSetId: string) {}
}

export class ListExclusionSetsQuery {}
