import type { Request } from 'express';
import type { ActorRole } from '@billing/domain';

/** The authenticated caller, set by the API key guard. */
export interface Caller {
  apiKeyId: string;
  role: ActorRole;
  /** The person a technician key acts for (billing-rules §12); null for other roles. */
  resourceId: string | null;
}

export type AuthenticatedRequest = Request & { caller?: Caller };
