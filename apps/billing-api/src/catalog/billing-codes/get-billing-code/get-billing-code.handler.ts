import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findBillingCode, listBillingCodes, type BillingCodeView } from '@billing/projections';
import { READ_MODEL_DB } from '../../../infrastructure/read-model-db.token';
import { GetBillingCodeQuery, ListBillingCodesQuery } from './get-billing-code.query';

@QueryHandler(GetBillingCodeQuery)
export class GetBillingCodeHandler implements IQueryHandler<GetBillingCodeQuery, BillingCodeView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ billingCodeId }: GetBillingCodeQuery): Promise<BillingCodeView> {
    const code = findBillingCode(this.db, billingCodeId);
    if (!code) throw new NotFound('billing code', billingCodeId);
    return code;
  }
}

@QueryHandler(ListBillingCodesQuery)
export class ListBillingCodesHandler implements IQueryHandler<ListBillingCodesQuery, BillingCodeView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute(): Promise<BillingCodeView[]> {
    return listBillingCodes(this.db);
  }
}
