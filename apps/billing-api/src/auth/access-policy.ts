import type { ActorRole } from '@billing/domain';

export interface EndpointAccess {
  /** Who may call it: roles, or `public` for no key at all. */
  roles: readonly ActorRole[] | 'public';
  /** A technician may call it for its own work only (its key's resourceId); other work is 403. */
  technicianOwnWorkOnly?: true;
}

const READERS = ['finance', 'auditor'] as const;
const FINANCE = ['finance'] as const;
const OWN_WORK = { technicianOwnWorkOnly: true } as const;
/** Who reads the event log: downstream services and auditors (billing-rules §12), and finance. */
const EVENT_READERS = ['finance', 'auditor', 'integration'] as const;

/**
 * Who may do what (billing-rules §12), once for the whole API: `METHOD /path` as the router
 * declares it → roles. The guard refuses an endpoint without a row to everyone, and the role
 * matrix test (test/access-policy.e2e-spec.ts) calls every endpoint of the OpenAPI document with
 * a key of every role and with none, so a new endpoint without a row fails the suite.
 * Technicians see no billing: no rates, costs, contracts, ledgers or dashboards, and of the work
 * only their own; the catalog they need to log time is answered without rates or costs.
 */
export const ACCESS_POLICY: Readonly<Record<string, EndpointAccess>> = {
  'GET /health': { roles: 'public' },

  'POST /api/api-keys': { roles: FINANCE },
  'GET /api/api-keys': { roles: FINANCE },
  'DELETE /api/api-keys/:id': { roles: FINANCE },
  'POST /api/api-keys/:id/rotate': { roles: FINANCE },

  'POST /api/accounts': { roles: FINANCE },
  'GET /api/accounts': { roles: READERS },
  'GET /api/accounts/:id': { roles: READERS },
  'POST /api/roles': { roles: FINANCE },
  'GET /api/roles': { roles: [...READERS, 'technician'] },
  'GET /api/roles/:id': { roles: [...READERS, 'technician'] },
  'POST /api/work-types': { roles: FINANCE },
  'GET /api/work-types': { roles: [...READERS, 'technician'] },
  'GET /api/work-types/:id': { roles: [...READERS, 'technician'] },
  'POST /api/exclusion-sets': { roles: FINANCE },
  'PUT /api/exclusion-sets/:id': { roles: FINANCE },
  'GET /api/exclusion-sets': { roles: READERS },
  'GET /api/exclusion-sets/:id': { roles: READERS },
  'POST /api/tax-regions': { roles: FINANCE },
  'GET /api/tax-regions': { roles: READERS },
  'GET /api/tax-regions/:id': { roles: READERS },
  'POST /api/billing-codes': { roles: FINANCE },
  'GET /api/billing-codes': { roles: READERS },
  'GET /api/billing-codes/:id': { roles: READERS },
  'PUT /api/settings': { roles: FINANCE },
  'GET /api/settings': { roles: READERS },

  'POST /api/contracts': { roles: FINANCE },
  'PATCH /api/contracts/:id': { roles: FINANCE },
  'GET /api/contracts': { roles: READERS },
  'GET /api/contracts/:id': { roles: READERS },
  'GET /api/contracts/:id/balance': { roles: READERS },
  'POST /api/contracts/:id/block-purchases': { roles: FINANCE },
  'POST /api/contracts/:id/retainer-purchases': { roles: FINANCE },
  'POST /api/contracts/:id/ticket-purchases': { roles: FINANCE },
  'POST /api/contracts/:id/services': { roles: FINANCE },
  'POST /api/contracts/:id/milestones': { roles: FINANCE },
  'POST /api/contracts/:id/milestones/:milestoneId/ready': { roles: FINANCE },
  // An integration pushes licence counts (it must name their `source`, and a jump beyond the tolerance is held).
  'POST /api/contracts/:id/services/:serviceId/units': { roles: ['finance', 'integration'] },
  'POST /api/recurring/accrue': { roles: FINANCE },
  'GET /api/licence-exceptions': { roles: READERS },
  'POST /api/licence-exceptions/:id/confirm': { roles: FINANCE },
  'POST /api/licence-exceptions/:id/reject': { roles: FINANCE },

  'POST /api/time-entries': { roles: ['technician', 'finance'], ...OWN_WORK },
  'PATCH /api/time-entries/:id': { roles: ['technician', 'finance'], ...OWN_WORK },
  'GET /api/time-entries': { roles: ['technician', 'timesheet-approver', ...READERS], ...OWN_WORK },
  'GET /api/time-entries/:id': { roles: ['technician', 'timesheet-approver', ...READERS], ...OWN_WORK },
  'POST /api/charges': { roles: ['technician', 'finance'], ...OWN_WORK },
  'GET /api/charges/:id': { roles: ['technician', ...READERS], ...OWN_WORK },
  'POST /api/expenses': { roles: ['technician', 'finance'], ...OWN_WORK },
  'GET /api/expenses/:id': { roles: ['technician', ...READERS], ...OWN_WORK },
  // Completing a ticket creates billable items, so it is finance's.
  'POST /api/tickets/:ticketId/complete': { roles: FINANCE },
  'GET /api/timesheets/:resourceId/:weekStart': { roles: ['technician', 'timesheet-approver', ...READERS], ...OWN_WORK },
  'POST /api/timesheets/:resourceId/:weekStart/submit': { roles: ['technician', 'finance'], ...OWN_WORK },
  'POST /api/timesheets/:resourceId/:weekStart/approve': { roles: ['timesheet-approver', 'finance'] },
  'POST /api/timesheets/:resourceId/:weekStart/reject': { roles: ['timesheet-approver', 'finance'] },

  'GET /api/approve-and-post': { roles: READERS },
  'POST /api/approve-and-post': { roles: FINANCE },
  'POST /api/approve-and-post/release': { roles: FINANCE },
  'GET /api/billing-items': { roles: READERS },
  'GET /api/billing-items/:id': { roles: READERS },
  'POST /api/billing-items/:id/unpost': { roles: FINANCE },
  'GET /api/dashboard/unbilled': { roles: READERS },

  'GET /api/items-to-invoice': { roles: READERS },
  'POST /api/invoice-runs': { roles: FINANCE },
  'GET /api/invoices': { roles: READERS },
  'GET /api/invoices/:id': { roles: READERS },
  'POST /api/invoices/:id/void': { roles: FINANCE },
  'GET /api/invoices/:id/export': { roles: READERS },
  'GET /api/exports/accounting': { roles: READERS },

  // The event feed: downstream services (integration) and auditors read every event.
  'GET /api/events': { roles: EVENT_READERS },
  'GET /api/events/stream': { roles: EVENT_READERS },
  'GET /api/streams/:streamId': { roles: EVENT_READERS },
  // The published event contract: JSON Schemas of every event type and version.
  'GET /api/events/schemas': { roles: EVENT_READERS },

  // Webhooks are finance's to set up.
  'POST /api/webhooks': { roles: FINANCE },
  'GET /api/webhooks': { roles: READERS },
  'GET /api/webhooks/:id': { roles: READERS },
  'DELETE /api/webhooks/:id': { roles: FINANCE },
  'POST /api/webhooks/:id/resume': { roles: FINANCE },
  'GET /api/webhooks/:id/deliveries': { roles: READERS },
  'POST /api/webhooks/:id/deliveries/:deliveryId/replay': { roles: FINANCE },
  'POST /api/webhooks/:id/replay': { roles: FINANCE },

  // Audit: read only, auditors and finance.
  'GET /api/audit/items/:itemId/history': { roles: READERS },
  'GET /api/audit/contracts/:id/balance': { roles: READERS },
  'GET /api/audit/ledgers/:accountId': { roles: READERS },
  'GET /api/audit/verify': { roles: READERS },
  'GET /api/audit/digest': { roles: READERS },
  // Checks a kept digest; writes nothing.
  'POST /api/audit/digest/verify': { roles: READERS },

  // Reports.
  'GET /api/reports/profitability': { roles: READERS },
};

/** The row of a route as the router names it (`GET /api/time-entries/:id`). */
export const accessKey = (method: string, routePath: string) => `${method.toUpperCase()} ${routePath}`;

type OpenApiOperation = { description?: string; 'x-roles'?: readonly string[] };

/** Writes each operation's row into the OpenAPI document (`x-roles`, and a line of its description), so clients see who may call it. */
export function documentAccess(document: { paths: Record<string, Record<string, OpenApiOperation>> }): void {
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const access = ACCESS_POLICY[accessKey(method, path.replace(/\{([^}]+)\}/g, ':$1'))];
      if (!access) continue;
      operation['x-roles'] = access.roles === 'public' ? [] : access.roles;
      const who =
        access.roles === 'public'
          ? 'Public: no API key.'
          : `Roles: ${access.roles.join(', ')}${access.technicianOwnWorkOnly ? ' (a technician: its own work only)' : ''}.`;
      operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
    }
  }
}
