export class GetContractBalanceQuery {
  constructor(readonly contractId: string) {}
}
