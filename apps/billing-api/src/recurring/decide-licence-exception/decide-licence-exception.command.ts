import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** Finance confirms a held licence count (it applies, with its adjustments) or rejects it (the units stay). */
export class DecideLicenceExceptionCommand {
  constructor(
    readonly exceptionId: string,
    readonly decision: 'confirm' | 'reject',
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {}
}
