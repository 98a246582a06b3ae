import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { contractDecider, contractStream, type AccrueRecurring, type ContractEvent } from '@billing/domain';
import { listAccrualCandidates } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions, type LoadedStream } from '../../infrastructure/stream-decisions';
import { AccrueRecurringCommand, type AccrueRecurringResult, type AccruedItemView, type ContractRenewalView } from './accrue-recurring.command';

/** Contracts read at once while deciding. */
const CONTRACTS_AT_ONCE = 16;

/** What an accrual event created, as the answer lists it. */
function createdBy(event: ContractEvent): AccruedItemView[] {
  switch (event.type) {
    case 'ServicePeriodAccrued': {
      const p = event.data;
      return [
        {
          itemId: p.itemId,
          contractId: p.contractId,
          serviceId: p.serviceId,
          type: 'SERVICE_PERIOD',
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          units: p.units,
          amount: p.amount,
        },
      ];
    }
    case 'ServiceAdjustmentAccrued': {
      const a = event.data;
      return [
        {
          itemId: a.itemId,
          contractId: a.contractId,
          serviceId: a.serviceId,
          type: 'SERVICE_ADJUSTMENT',
          periodStart: a.fromDate,
          periodEnd: a.periodEnd,
          units: a.unitDelta,
          amount: a.amount,
        },
      ];
    }
    case 'SetupFeeAccrued': {
      const f = event.data;
      return [
        {
          itemId: f.itemId,
          contractId: f.contractId,
          serviceId: null,
          type: 'SETUP_FEE',
          periodStart: f.date,
          periodEnd: f.date,
          units: null,
          amount: f.amount,
        },
      ];
    }
    default:
      return [];
  }
}

/**
 * Accrual (billing-rules §7), a process over every contract that may have something to accrue
 * (the contracts read model, caught up with the store, says which), each an idempotent decision
 * on the contract's own stream. Every contract is decided first without writing, so a refusal
 * writes nothing; then each contract with something new appends its items.
 */
@CommandHandler(AccrueRecurringCommand)
export class AccrueRecurringHandler implements ICommandHandler<AccrueRecurringCommand, AccrueRecurringResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ through, metadata }: AccrueRecurringCommand): Promise<AccrueRecurringResult> {
    await this.readYourWrites.waitForHead();
    const candidates = listAccrualCandidates(this.db);
    const toAccrue: { command: AccrueRecurring; loaded: LoadedStream<unknown> }[] = [];
    for (let i = 0; i < candidates.length; i += CONTRACTS_AT_ONCE) {
      await Promise.all(
        candidates.slice(i, i + CONTRACTS_AT_ONCE).map(async (contractId) => {
          const command: AccrueRecurring = { type: 'AccrueRecurring', contractId, through };
          const loaded = await this.streams.load(contractStream(contractId), contractDecider);
          if (contractDecider.decide(command, loaded.state).length > 0) toAccrue.push({ command, loaded });
        }),
      );
    }
    // In the order of the contracts' ids, whatever order their reads finished in.
    toAccrue.sort((a, b) => (a.command.contractId < b.command.contractId ? -1 : 1));
    const created: AccruedItemView[] = [];
    const renewed: ContractRenewalView[] = [];
    let position = 0n;
    for (let i = 0; i < toAccrue.length; i += CONTRACTS_AT_ONCE) {
      const decisions = await Promise.all(
        toAccrue
          .slice(i, i + CONTRACTS_AT_ONCE)
          .map(({ command, loaded }) => this.streams.decide(contractStream(command.contractId), contractDecider, command, metadata, { readJustNow: loaded })),
      );
      for (const decision of decisions) {
        created.push(...decision.events.flatMap(createdBy));
        renewed.push(...decision.events.flatMap((e) => (e.type === 'ContractRenewed' ? [e.data] : [])));
        if (decision.position > position) position = decision.position;
      }
    }
    return { created, renewed, position };
  }
}
