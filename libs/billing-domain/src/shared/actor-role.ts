/** Who may do what (billing-rules §12). */
export const ACTOR_ROLES = ['technician', 'timesheet-approver', 'finance', 'auditor', 'integration'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
