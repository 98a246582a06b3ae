import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findRole, listRoles, type RoleView } from '@billing/projections';
import { READ_MODEL_DB } from '../../../infrastructure/read-model-db.token';
import { GetRoleQuery, ListRolesQuery } from './get-role.query';

@QueryHandler(GetRoleQuery)
export class GetRoleHandler implements IQueryHandler<GetRoleQuery, RoleView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ roleId }: GetRoleQuery): Promise<RoleView> {
    const role = findRole(this.db, roleId);
    if (!role) throw new NotFound('role', roleId);
    return role;
  }
}

@QueryHandler(ListRolesQuery)
export class ListRolesHandler implements IQueryHandler<ListRolesQuery, RoleView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute(): Promise<RoleView[]> {
    return listRoles(this.db);
  }
}
