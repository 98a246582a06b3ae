import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem';

/** Nest's problem for a body that is a list where the request is an object (its `property` is `body`). */
const NOT_AN_OBJECT = 'Validation failed (object is expected)';

/** Every problem of every field, nested fields named by path (`roleRates.0.hourlyRate`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      // By the constraint, not its message: a sent name may be empty or hold spaces.
      if (constraint === 'whitelistValidation') return { field, message: `unknown field: ${error.property} is not accepted here` };
      if (!parent && message === NOT_AN_OBJECT) return { field: `(${error.property})`, message: `the ${error.property} must be a JSON object` };
      return { field, message };
    });
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly details: FieldProblem[]) {
    super({ error: 'validation', details });
  }
}

/**
 * A request whose checks need more than one field's decorator (fields keyed by ids, a field
 * required by one action only): the pipe asks it for its problems once its fields are valid.
 */
export interface CheckedRequest {
  problems(): FieldProblem[];
}

const isChecked = (value: unknown): value is CheckedRequest => typeof (value as CheckedRequest | null)?.problems === 'function';

/** class-validator's checks of every field first; then, where they pass, the request's own `problems()`. */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const request: unknown = await super.transform(value, metadata);
    const problems = isChecked(request) ? request.problems() : [];
    if (problems.length) throw new RequestValidationError(problems);
    return request;
  }
}

/** Unknown fields are refused, types are checked as sent (no silent conversion). */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}
