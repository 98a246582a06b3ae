import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { CommandAnswers } from './command-answers';

@Module({ imports: [ReadModelsModule], providers: [CommandAnswers], exports: [CommandAnswers] })
export class CommandAnswersModule {}
