import { Module } from '@nestjs/common';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { AccrueRecurringHandler } from './accrue-recurring/accrue-recurring.handler';
import { AccrueRecurringHttpController } from './accrue-recurring/accrue-recurring.http.controller';
import { DailyAccrual } from './accrue-recurring/daily-accrual';
import { ChangeServiceUnitsHandler } from './change-service-units/change-service-units.handler';
import { ChangeServiceUnitsHttpController } from './change-service-units/change-service-units.http.controller';
import { DecideLicenceExceptionHandler } from './decide-licence-exception/decide-licence-exception.handler';
import { DecideLicenceExceptionHttpController } from './decide-licence-exception/decide-licence-exception.http.controller';
import { GetLicenceExceptionHandler, ListLicenceExceptionsHandler } from './list-licence-exceptions/list-licence-exceptions.handler';
import { ListLicenceExceptionsHttpController } from './list-licence-exceptions/list-licence-exceptions.http.controller';

/** Recurring services (billing-rules §7): accrual (on demand and daily), unit changes, licence exceptions. */
@Module({
  imports: [EventStoreModule, ReadModelsModule, CommandAnswersModule],
  controllers: [AccrueRecurringHttpController, ChangeServiceUnitsHttpController, ListLicenceExceptionsHttpController, DecideLicenceExceptionHttpController],
  providers: [
    AccrueRecurringHandler,
    DailyAccrual,
    ChangeServiceUnitsHandler,
    ListLicenceExceptionsHandler,
    GetLicenceExceptionHandler,
    DecideLicenceExceptionHandler,
  ],
})
export class RecurringModule {}
