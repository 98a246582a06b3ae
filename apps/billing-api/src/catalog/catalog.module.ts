import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';

/** Accounts, roles, work types, exclusion sets, tax regions, billing codes. */
@Module({ imports: [AccountsModule] })
export class CatalogModule {}
