export class GetTaxRegionQuery {
  constructor(readonly taxRegionId: string) {}
}

export class ListTaxRegionsQuery {}
