import { Module } from '@nestjs/common';
import { EventStoreModule } from '../../infrastructure/event-store.module';
import { ReadModelsModule } from '../../infrastructure/read-models.module';
import { CommandAnswersModule } from '../../http/command-answers.module';
import { ChangeExclusionSetHandler } from './change-exclusion-set/change-exclusion-set.handler';
import { ChangeExclusionSetHttpController } from './change-exclusion-set/change-exclusion-set.http.controller';
import { CreateExclusionSetHandler } from './create-exclusion-set/create-exclusion-set.handler';
import { CreateExclusionSetHttpController } from './create-exclusion-set/create-exclusion-set.http.controller';
import { ExclusionSetReferenceLoader } from './exclusion-set-reference-loader';
import { GetExclusionSetHandler, ListExclusionSetsHandler } from './get-exclusion-set/get-exclusion-set.handler';
import { GetExclusionSetHttpController } from './get-exclusion-set/get-exclusion-set.http.controller';

@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [CreateExclusionSetHttpController, ChangeExclusionSetHttpController, GetExclusionSetHttpController],
  providers: [ExclusionSetReferenceLoader, CreateExclusionSetHandler, ChangeExclusionSetHandler, GetExclusionSetHandler, ListExclusionSetsHandler],
})
export class ExclusionSetsModule {}
