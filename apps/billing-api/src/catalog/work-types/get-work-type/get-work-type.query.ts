export class GetWorkTypeQuery {
  constructor(readonly workTypeId: string) {}
}

export class ListWorkTypesQuery {}
