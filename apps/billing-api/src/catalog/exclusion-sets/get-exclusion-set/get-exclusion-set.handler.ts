import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findExclusionSet, listExclusionSets, type ExclusionSetView } from '@billing/projections';
import { READ_MODEL_DB } from '../../../infrastructure/read-model-db.token';
import { GetExclusionSetQuery, ListExclusionSetsQuery } from './get-exclusion-set.query';

@QueryHandler(GetExclusionSetQuery)
export class GetExclusionSetHandler implements IQueryHandler<GetExclusionSetQuery, ExclusionSetView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ exclusionSetId }: GetExclusionSetQuery): Promise<ExclusionSetView> {
    const set = findExclusionSet(this.db, exclusionSetId);
    if (!set) throw new NotFound('exclusion set', exclusionSetId);
    return set;
  }
}

@QueryHandler(ListExclusionSetsQuery)
export class ListExclusionSetsHandler implements IQueryHandler<ListExclusionSetsQuery, ExclusionSetView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute(): Promise<ExclusionSetView[]> {
    return listExclusionSets(this.db);
  }
}
