import { Module } from '@nestjs/common';
import { RecordChargeHandler } from './charges/record-charge/record-charge.handler';
import { RecordChargeHttpController } from './charges/record-charge/record-charge.http.controller';
import { RecordExpenseHandler } from './expenses/record-expense/record-expense.handler';
import { RecordExpenseHttpController } from './expenses/record-expense/record-expense.http.controller';
import { CompleteTicketHandler } from './tickets/complete-ticket/complete-ticket.handler';
import { CompleteTicketHttpController } from './tickets/complete-ticket/complete-ticket.http.controller';
import { GetTimeEntriesHttpController } from './time-entries/get-time-entries/get-time-entries.http.controller';
import { TimeEntryQueries } from './time-entries/get-time-entries/time-entry.queries';
import { LogTimeEntryHandler } from './time-entries/log-time-entry/log-time-entry.handler';
import { LogTimeEntryHttpController } from './time-entries/log-time-entry/log-time-entry.http.controller';
import { ReviseTimeEntryHandler } from './time-entries/revise-time-entry/revise-time-entry.handler';
import { ReviseTimeEntryHttpController } from './time-entries/revise-time-entry/revise-time-entry.http.controller';
import { TimeEntryContextLoader } from './time-entries/time-entry-context';
import { ChangeTimesheetHttpController } from './timesheets/change-timesheet/change-timesheet.http.controller';
import { WorkItemQueries } from './work-item.queries';

/** What technicians log: time, charges, expenses, completed tickets, timesheets. */
@Module({
  controllers: [
    LogTimeEntryHttpController,
    ReviseTimeEntryHttpController,
    GetTimeEntriesHttpController,
    RecordChargeHttpController,
    RecordExpenseHttpController,
    CompleteTicketHttpController,
    ChangeTimesheetHttpController,
  ],
  providers: [
    TimeEntryContextLoader,
    TimeEntryQueries,
    WorkItemQueries,
    LogTimeEntryHandler,
    ReviseTimeEntryHandler,
    RecordChargeHandler,
    RecordExpenseHandler,
    CompleteTicketHandler,
  ],
})
export class WorkModule {}
