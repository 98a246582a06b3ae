import { ValidateBy, type ValidationOptions } from 'class-validator';
import { dec, decimalString, isBeyondItemAmount, MAX_ITEM_AMOUNT, type Dec } from '@billing/domain';
import type { FieldProblem } from './problem';

export interface DecimalFieldOptions {
  /** Most decimal places accepted (money, hours, rates, units: 4; tax rates: 6). */
  maxDecimalPlaces?: number;
  /** Smallest accepted value (inclusive), as a decimal string. */
  min?: string;
  /** Smallest accepted value (exclusive). */
  greaterThan?: string;
  /** Largest accepted value (inclusive). */
  max?: string;
}

const DECIMAL = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** The OpenAPI schema of a decimal field (money, units, quantities): a decimal string or a JSON number (http-api.md, "Conventions"). */
export const DECIMAL_SCHEMA = { oneOf: [{ type: 'string', pattern: DECIMAL.source }, { type: 'number' }] };

/** The OpenAPI schema of a count of whole things (tickets): a JSON integer or a decimal string of one. */
export const COUNT_SCHEMA = { oneOf: [{ type: 'integer' }, { type: 'string', pattern: DECIMAL.source }] };

/** The decimal string of a request value, or undefined when it is not a plain decimal. */
export function decimalText(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const text = String(value);
    return DECIMAL.test(text) ? text : undefined;
  }
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  return undefined;
}

function compare(a: string, b: string): number {
  // Both are plain decimals of at most 15 integer digits: compare as scaled bigints.
  const scale = (s: string) => {
    const negative = s.startsWith('-');
    const [int, frac = ''] = s.replace('-', '').split('.');
    const v = BigInt(int + frac.padEnd(12, '0').slice(0, 12));
    return negative ? -v : v;
  };
  const d = scale(a) - scale(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/**
 * A money, hours, rate or units field: a decimal string ("213.75") or a JSON number, with at most
 * `maxDecimalPlaces` places (default 4) and optional bounds. The value stays as sent; handlers turn
 * it into a decimal with `decimalText`, never into a float.
 */
export function IsDecimalField(options: DecimalFieldOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const places = options.maxDecimalPlaces ?? 4;
  return ValidateBy(
    {
      name: 'isDecimalField',
      validator: {
        validate(value: unknown) {
          const text = decimalText(value);
          if (text === undefined) return false;
          if ((text.split('.')[1] ?? '').length > places) return false;
          if (options.min !== undefined && compare(text, options.min) < 0) return false;
          if (options.greaterThan !== undefined && compare(text, options.greaterThan) <= 0) return false;
          if (options.max !== undefined && compare(text, options.max) > 0) return false;
          return true;
        },
        defaultMessage(args) {
          const bounds = [
            options.min !== undefined ? `at least ${options.min}` : '',
            options.greaterThan !== undefined ? `greater than ${options.greaterThan}` : '',
            options.max !== undefined ? `at most ${options.max}` : '',
          ].filter(Boolean);
          return `${args?.property} must be a decimal (string or number) with at most ${places} decimal places${bounds.length ? `, ${bounds.join(' and ')}` : ''}`;
        },
      },
    },
    validationOptions,
  );
}

/**
 * A count of whole things (tickets): a JSON integer or a decimal string of a whole number ("2",
 * "2.0"), from `min` to `max`. Handlers take its value with `countOf`.
 */
export function IsCountField(options: { min: number; max: number }, validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountField',
      validator: {
        validate: (value: unknown) => {
          const count = wholeNumberOf(value);
          return count !== undefined && count >= options.min && count <= options.max;
        },
        defaultMessage: (args) => `${args?.property} must be a whole number (a JSON number or a decimal string) from ${options.min} to ${options.max}`,
      },
    },
    validationOptions,
  );
}

function wholeNumberOf(value: unknown): number | undefined {
  const text = decimalText(value);
  if (text === undefined || !dec(text).isInteger()) return undefined;
  const count = dec(text).toNumber();
  return Number.isSafeInteger(count) ? count : undefined;
}

/** A validated count field as a number. */
export function countOf(value: string | number): number {
  const count = wholeNumberOf(value);
  if (count === undefined) throw new Error(`not a count: ${String(value)}`);
  return count;
}

/**
 * For a request's `problems()` (its fields already valid): the product of `factors` (quantity ×
 * unit price) is an item's amount, so it may be at most `MAX_ITEM_AMOUNT`; the problem is named by
 * `field`.
 */
export function itemAmountProblems(field: string, factors: Record<string, string | number>): FieldProblem[] {
  const amount = Object.values(factors).reduce((product: Dec, factor) => product.times(decimalText(factor) ?? '0'), dec(1));
  if (!isBeyondItemAmount(amount)) return [];
  return [{ field, message: `${Object.keys(factors).join(' × ')} must be at most ${MAX_ITEM_AMOUNT}, the most one item may amount to` }];
}

/** A validated decimal field as the domain keeps it: a canonical decimal string ("2.50" → "2.5"). */
export function canonical(value: string | number): string {
  const text = decimalText(value);
  if (text === undefined) throw new Error(`not a decimal: ${String(value)}`);
  return decimalString(dec(text));
}

export function canonicalOrNull(value: string | number | undefined | null): string | null {
  return value === undefined || value === null ? null : canonical(value);
}
