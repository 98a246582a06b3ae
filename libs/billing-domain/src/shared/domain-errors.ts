/**
 * Every refusal of the domain is one of these; the HTTP layer maps them to status codes. Each
 * takes its machine-readable name first, then the sentence a person reads.
 */
export abstract class DomainError extends Error {}

/** An id that names nothing (404). */
export class NotFound extends DomainError {
  override readonly name = 'NotFound';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
  }
}

/** The request contradicts the state: an id reused with other content, an item already locked (409). */
export class Conflict extends DomainError {
  override readonly name = 'Conflict';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A business rule refused the command (422). `rule` is a stable, machine-readable name. */
export class RuleViolation extends DomainError {
  override readonly name = 'RuleViolation';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}
