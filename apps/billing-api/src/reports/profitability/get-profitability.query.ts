import type { ProfitabilityFilter } from '@billing/projections';

/** Revenue, cost and margin of the posted items dated in the range, by account, contract or work type and month. */
export class GetProfitabilityQuery {
  constructor(readonly filter: ProfitabilityFilter) {}
}
