import { Module } from '@nestjs/common';
import { CreateRoleHandler } from './create-role/create-role.handler';
import { CreateRoleHttpController } from './create-role/create-role.http.controller';
import { GetRoleHandler, ListRolesHandler } from './get-role/get-role.handler';
import { GetRoleHttpController } from './get-role/get-role.http.controller';

@Module({
  controllers: [CreateRoleHttpController, GetRoleHttpController],
  providers: [CreateRoleHandler, GetRoleHandler, ListRolesHandler],
})
export class RolesModule {}
