import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findWorkType, listWorkTypes, type WorkTypeView } from '@billing/projections';
import { READ_MODEL_DB } from '../../../infrastructure/read-model-db.token';
import { GetWorkTypeQuery, ListWorkTypesQuery } from './get-work-type.query';

@QueryHandler(GetWorkTypeQuery)
export class GetWorkTypeHandler implements IQueryHandler<GetWorkTypeQuery, WorkTypeView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ workTypeId }: GetWorkTypeQuery): Promise<WorkTypeView> {
    const workType = findWorkType(this.db, workTypeId);
    if (!workType) throw new NotFound('work type', workTypeId);
    return workType;
  }
}

@QueryHandler(ListWorkTypesQuery)
export class ListWorkTypesHandler implements IQueryHandler<ListWorkTypesQuery, WorkTypeView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute(): Promise<WorkTypeView[]> {
    return listWorkTypes(this.db);
  }
}
