import type { BillingEventOf, BillingEventType } from '@billing/domain';
import type { Projection } from '../runner/projection';

/**
 * A read model's projection over the billing events it names in `canHandle`: its `apply` is typed
 * with exactly those events, so a `switch` over them is exhaustive and needs no cast.
 */
export function billingProjection<Type extends BillingEventType>(projection: Projection<BillingEventOf<Type>> & { canHandle: readonly Type[] }): Projection {
  // Sound: the runner applies only events of the types in `canHandle`.
  return projection as unknown as Projection;
}
