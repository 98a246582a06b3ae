import { Module } from '@nestjs/common';
import { CreateWorkTypeHandler } from './create-work-type/create-work-type.handler';
import { CreateWorkTypeHttpController } from './create-work-type/create-work-type.http.controller';
import { GetWorkTypeHandler, ListWorkTypesHandler } from './get-work-type/get-work-type.handler';
import { GetWorkTypeHttpController } from './get-work-type/get-work-type.http.controller';

@Module({
  controllers: [CreateWorkTypeHttpController, GetWorkTypeHttpController],
  providers: [CreateWorkTypeHandler, GetWorkTypeHandler, ListWorkTypesHandler],
})
export class WorkTypesModule {}
