import { createParamDecorator, ForbiddenException, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Caller } from './caller';

/** The caller the guard authenticated. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller | undefined => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
});

/** The person whose work the caller is limited to: a technician's own; null for every other role (billing-rules §12). */
export const ownWorkOf = (caller: Caller | undefined): string | null => (caller?.role === 'technician' ? caller.resourceId : null);

/** Refuses (403) a technician acting on work that is not its own. */
export function assertOwnWork(caller: Caller | undefined, workOf: string | null | undefined, what: string): void {
  assertWorkOf(ownWorkOf(caller), workOf, what);
}

/** The same, given whose work the caller is limited to (`ownWorkOf`), for a handler that checks it on the stream. */
export function assertWorkOf(own: string | null, workOf: string | null | undefined, what: string): void {
  if (own === null || workOf === own) return;
  throw new ForbiddenException(`a technician key acts for ${own} only; this ${what} is ${workOf ? `the work of ${workOf}` : 'nobody’s in particular'}`);
}

/** Technicians do not see billing: rates, costs, modifiers (billing-rules §12). */
export const seesBilling = (caller: Caller | undefined): boolean => caller?.role !== 'technician';

/** A catalog entry as a technician sees it: what to pick when logging time, nothing of what it costs or bills. */
export const pickableEntry = ({ id, name }: { id: string; name: string }) => ({ id, name });
