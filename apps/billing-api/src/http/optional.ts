import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be absent; when present, null included, its checks apply. class-validator's
 * `IsOptional` skips the checks for null too, and the null then reaches the command as a value
 * (`PUT /api/settings { "multiplyOverage": null }` stored null). Keep `IsOptional` only where
 * null means "clear it" (`PATCH /api/contracts/:id { "purchaseOrderNumber": null }`).
 */
export const Optional = (validationOptions?: ValidationOptions): PropertyDecorator => ValidateIf((_object, value) => value !== undefined, validationOptions);
