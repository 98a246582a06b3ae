import { SetMetadata } from '@nestjs/common';
import type { ActorRole } from '@billing/domain';

export const ROLES_KEY = 'billing:roles';
export const PUBLIC_KEY = 'billing:public';

/** The roles allowed to call an endpoint. Every endpoint declares this or `@Public()`. */
export const Roles = (...roles: ActorRole[]) => SetMetadata(ROLES_KEY, roles);

/** Everyone may read: the auditor sees everything but changes nothing (billing-rules §12). */
export const READERS: ActorRole[] = ['finance', 'auditor'];

/** An endpoint without a key (health, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
