import { NotFound } from '@billing/domain';
import type { ContractPurchaseView, ContractServiceView, ContractView } from '@billing/projections';
import type { QueryBus } from '@nestjs/cqrs';
import type { ReadYourWrites } from '../infrastructure/read-models.module';
import { GetContractQuery } from './get-contract/get-contract.query';

/** What a purchase or service command answers. */
export interface ContractItemResult {
  created: boolean;
  position: bigint;
}

export type ContractPurchaseAnswer = { contractId: string } & ContractPurchaseView;
export type ContractServiceAnswer = { contractId: string } & ContractServiceView;

async function contractAfter(queries: QueryBus, readYourWrites: ReadYourWrites, contractId: string, position: bigint): Promise<ContractView> {
  await readYourWrites.waitFor(position);
  return queries.execute<GetContractQuery, ContractView>(new GetContractQuery(contractId));
}

/** The purchase as the read model shows it once it has caught up with the command. */
export async function purchaseAnswer(
  queries: QueryBus,
  readYourWrites: ReadYourWrites,
  contractId: string,
  purchaseId: string,
  position: bigint,
): Promise<ContractPurchaseAnswer> {
  const purchase = (await contractAfter(queries, readYourWrites, contractId, position)).purchases.find((p) => p.id === purchaseId);
  if (!purchase) throw new NotFound('purchase', purchaseId);
  return { contractId, ...purchase };
}

export async function serviceAnswer(
  queries: QueryBus,
  readYourWrites: ReadYourWrites,
  contractId: string,
  serviceId: string,
  position: bigint,
): Promise<ContractServiceAnswer> {
  const service = (await contractAfter(queries, readYourWrites, contractId, position)).services.find((s) => s.id === serviceId);
  if (!service) throw new NotFound('service', serviceId);
  return { contractId, ...service };
}
