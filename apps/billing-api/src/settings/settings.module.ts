import { Module } from '@nestjs/common';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { ChangeSettingsHandler } from './change-settings/change-settings.handler';
import { ChangeSettingsHttpController } from './change-settings/change-settings.http.controller';
import { GetSettingsHandler } from './get-settings/get-settings.handler';
import { GetSettingsHttpController } from './get-settings/get-settings.http.controller';

/** The ledger settings: rounding, overage multiplier, timesheet requirement, stuck threshold, invoice number prefix. */
@Module({
  imports: [EventStoreModule],
  controllers: [GetSettingsHttpController, ChangeSettingsHttpController],
  providers: [GetSettingsHandler, ChangeSettingsHandler],
})
export class SettingsModule {}
