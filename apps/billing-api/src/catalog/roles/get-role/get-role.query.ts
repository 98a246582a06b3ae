export class GetRoleQuery {
  constructor(readonly roleId: string) {}
}

export class ListRolesQuery {}
