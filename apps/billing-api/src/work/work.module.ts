import { Module } from '@nestjs/common';
import { CommandAnswersModule } from '../http/command-answers.module';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { LookupsModule } from '../infrastructure/lookups.module';
import { ReadModelsModule } from '../infrastructure/read-models.module';
import { RecordChargeHandler } from './charges/record-charge/record-charge.handler';
import { RecordChargeHttpController } from './charges/record-charge/record-charge.http.controller';
import { RecordExpenseHandler } from './expenses/record-expense/record-expense.handler';
import { RecordExpenseHttpController } from './expenses/record-expense/record-expense.http.controller';
import { GetWorkItemHandler } from './get-work-item/get-work-item.handler';
import { GetWorkItemHttpController } from './get-work-item/get-work-item.http.controller';
import { CompleteTicketHandler } from './tickets/complete-ticket/complete-ticket.handler';
import { CompleteTicketHttpController } from './tickets/complete-ticket/complete-ticket.http.controller';
import { GetTimeEntryHandler, ListTimeEntriesHandler } from './time-entries/get-time-entries/get-time-entries.handler';
import { GetTimeEntriesHttpController } from './time-entries/get-time-entries/get-time-entries.http.controller';
import { LogTimeEntryHandler } from './time-entries/log-time-entry/log-time-entry.handler';
import { LogTimeEntryHttpController } from './time-entries/log-time-entry/log-time-entry.http.controller';
import { ReviseTimeEntryHandler } from './time-entries/revise-time-entry/revise-time-entry.handler';
import { ReviseTimeEntryHttpController } from './time-entries/revise-time-entry/revise-time-entry.http.controller';
import { TimeEntryContextLoader } from './time-entries/time-entry-context-loader';
import { ChangeTimesheetHandler } from './timesheets/change-timesheet/change-timesheet.handler';
import { ChangeTimesheetHttpController } from './timesheets/change-timesheet/change-timesheet.http.controller';
import { GetTimesheetHandler } from './timesheets/get-timesheet/get-timesheet.handler';
import { GetTimesheetHttpController } from './timesheets/get-timesheet/get-timesheet.http.controller';

/** What technicians log: time, charges, expenses, completed tickets, timesheets. */
@Module({
  imports: [EventStoreModule, ReadModelsModule, LookupsModule, CommandAnswersModule],
  controllers: [
    LogTimeEntryHttpController,
    ReviseTimeEntryHttpController,
    GetTimeEntriesHttpController,
    RecordChargeHttpController,
    RecordExpenseHttpController,
    GetWorkItemHttpController,
    CompleteTicketHttpController,
    GetTimesheetHttpController,
    ChangeTimesheetHttpController,
  ],
  providers: [
    TimeEntryContextLoader,
    LogTimeEntryHandler,
    ReviseTimeEntryHandler,
    GetTimeEntryHandler,
    ListTimeEntriesHandler,
    RecordChargeHandler,
    RecordExpenseHandler,
    CompleteTicketHandler,
    GetWorkItemHandler,
    ChangeTimesheetHandler,
    GetTimesheetHandler,
  ],
})
export class WorkModule {}
