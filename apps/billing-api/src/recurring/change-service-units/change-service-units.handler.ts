import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream, currentUnits, dec, type ContractEvent, type LicenceChangeHeldData } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ChangeServiceUnitsCommand, type ChangeServiceUnitsResult, type UnitAdjustmentView } from './change-service-units.command';

const heldView = (held: Pick<LicenceChangeHeldData, 'exceptionId' | 'currentUnits' | 'requestedUnits' | 'tolerancePercent'>) => ({
  id: held.exceptionId,
  currentUnits: held.currentUnits,
  requestedUnits: held.requestedUnits,
  tolerancePercent: held.tolerancePercent,
});

const adjustmentsIn = (events: ContractEvent[]): UnitAdjustmentView[] =>
  events.flatMap((e) =>
    e.type === 'ServiceAdjustmentAccrued'
      ? [
          {
            itemId: e.data.itemId,
            periodStart: e.data.periodStart,
            periodEnd: e.data.periodEnd,
            fromDate: e.data.fromDate,
            unitDelta: e.data.unitDelta,
            daysRemaining: e.data.daysRemaining,
            daysInPeriod: e.data.daysInPeriod,
            amount: e.data.amount,
          },
        ]
      : [],
  );

/** One decision on the contract's stream; the answer says what it did, from the decision itself. */
@CommandHandler(ChangeServiceUnitsCommand)
export class ChangeServiceUnitsHandler implements ICommandHandler<ChangeServiceUnitsCommand, ChangeServiceUnitsResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ change, metadata }: ChangeServiceUnitsCommand): Promise<ChangeServiceUnitsResult> {
    const { events, state, position } = await this.streams.decide(
      contractStream(change.contractId),
      contractDecider,
      { type: 'ChangeServiceUnits', ...change },
      metadata,
    );
    if (state.status !== 'exists') throw new Error(`contract ${change.contractId} decided on without existing`);
    const service = state.services.find((s) => s.serviceId === change.serviceId)!;
    const held = events.find((e) => e.type === 'LicenceChangeHeld')?.data as LicenceChangeHeldData | undefined;
    // A repeat of a held count answers that count.
    const heldBefore = state.recurring.exceptions.find(
      (e) => e.status === 'HELD' && e.serviceId === change.serviceId && e.source === change.source && dec(e.requestedUnits).eq(change.units),
    );
    const exception = held ?? heldBefore;
    const applied = events.some((e) => e.type === 'ServiceUnitsChanged');
    return {
      answer: {
        contractId: change.contractId,
        serviceId: change.serviceId,
        status: applied ? 'APPLIED' : exception ? 'HELD' : 'UNCHANGED',
        units: currentUnits(service, state.recurring),
        requestedUnits: dec(change.units).toFixed(),
        effectiveDate: change.effectiveDate,
        source: change.source,
        exception: exception ? heldView(exception) : null,
        adjustments: adjustmentsIn(events),
      },
      position,
    };
  }
}
