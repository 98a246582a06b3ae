import { Module } from '@nestjs/common';
import { EventStoreModule } from '../../infrastructure/event-store.module';
import { ReadModelsModule } from '../../infrastructure/read-models.module';
import { CommandAnswersModule } from '../../http/command-answers.module';
import { CreateRoleHandler } from './create-role/create-role.handler';
import { CreateRoleHttpController } from './create-role/create-role.http.controller';
import { GetRoleHandler, ListRolesHandler } from './get-role/get-role.handler';
import { GetRoleHttpController } from './get-role/get-role.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [CreateRoleHttpController, GetRoleHttpController],
  providers: [CreateRoleHandler, GetRoleHandler, ListRolesHandler],
})
export class RolesModule {}
