import type { Request } from 'express';
import type { ActorRole } from '@billing/domain';

/** The authenticated caller, set by the API key guard. */
export interface Caller {
  apiKeyId: string;
  role: ActorRole;
}

export type AuthenticatedRequest = Request & { caller?: Caller };
