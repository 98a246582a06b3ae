import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { BillingCodesModule } from './billing-codes/billing-codes.module';
import { ExclusionSetsModule } from './exclusion-sets/exclusion-sets.module';
import { RolesModule } from './roles/roles.module';
import { TaxRegionsModule } from './tax-regions/tax-regions.module';
import { WorkTypesModule } from './work-types/work-types.module';

/** Accounts, roles, work types, exclusion sets, tax regions, billing codes. */
@Module({ imports: [AccountsModule, RolesModule, WorkTypesModule, ExclusionSetsModule, TaxRegionsModule, BillingCodesModule] })
export class CatalogModule {}
