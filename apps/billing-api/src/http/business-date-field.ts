import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { Optional } from './optional';

/** Business dates are refused outside these years: a typo (`0202`, `20266`) is not a date anyone bills. */
export const FIRST_BUSINESS_YEAR = 1900;
export const LAST_BUSINESS_YEAR = 2199;

const existingDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const inBusinessYears = (date: string) => Number(date.slice(0, 4)) >= FIRST_BUSINESS_YEAR && Number(date.slice(0, 4)) <= LAST_BUSINESS_YEAR;

/** A business date, `YYYY-MM-DD`, that exists in the calendar, from 1900-01-01 to 2199-12-31. */
export function IsBusinessDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBusinessDate',
      validator: {
        validate: (value: unknown) => existingDate(value) && inBusinessYears(value),
        defaultMessage: (args) =>
          existingDate(args?.value)
            ? `${args?.property} must be a date from ${FIRST_BUSINESS_YEAR}-01-01 to ${LAST_BUSINESS_YEAR}-12-31`
            : `${args?.property} must be a date YYYY-MM-DD`,
      },
    },
    validationOptions,
  );
}

/** An optional business date (a filter's bound, a posted date); absent, never null. */
export const OptionalBusinessDate = (api?: ApiPropertyOptions) => applyDecorators(ApiPropertyOptional(api), Optional(), IsBusinessDate());
