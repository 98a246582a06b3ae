import type { ChargeData } from '@billing/domain';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';

export class RecordChargeCommand {
  constructor(
    readonly charge: ChargeData,
    readonly metadata: CommandMetadata,
  ) {}
}
