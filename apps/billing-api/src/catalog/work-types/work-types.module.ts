import { Module } from '@nestjs/common';
import { EventStoreModule } from '../../infrastructure/event-store.module';
import { ReadModelsModule } from '../../infrastructure/read-models.module';
import { CommandAnswersModule } from '../../http/command-answers.module';
import { CreateWorkTypeHandler } from './create-work-type/create-work-type.handler';
import { CreateWorkTypeHttpController } from './create-work-type/create-work-type.http.controller';
import { GetWorkTypeHandler, ListWorkTypesHandler } from './get-work-type/get-work-type.handler';
import { GetWorkTypeHttpController } from './get-work-type/get-work-type.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [CreateWorkTypeHttpController, GetWorkTypeHttpController],
  providers: [CreateWorkTypeHandler, GetWorkTypeHandler, ListWorkTypesHandler],
})
export class WorkTypesModule {}
