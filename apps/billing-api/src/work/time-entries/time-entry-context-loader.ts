import { Injectable } from '@nestjs/common';
import type { TimeEntryContext } from '@billing/domain';
import { BillingLookups } from '../../infrastructure/billing-lookups';

/** Loads what routing and hours to bill need, at the moment of logging or revising. */
@Injectable()
export class TimeEntryContextLoader {
  constructor(private readonly lookups: BillingLookups) {}

  async load(entry: { accountId: string; roleId: string; workTypeId: string; requestedContractId: string | null }): Promise<TimeEntryContext> {
    const [account, role, workType, settings, routing] = await Promise.all([
      this.lookups.account(entry.accountId),
      this.lookups.role(entry.roleId),
      this.lookups.workType(entry.workTypeId),
      this.lookups.settings(),
      this.lookups.routingContracts(entry.accountId, entry.requestedContractId),
    ]);
    return {
      account,
      roleExists: role !== undefined,
      workType,
      defaultContractId: routing.defaultContractId,
      contracts: routing.contracts,
      roundUpMinutes: settings.roundUpMinutes,
    };
  }
}
