import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';

/** A business date, `YYYY-MM-DD`, that exists in the calendar. */
export function IsBusinessDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBusinessDate',
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
        },
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD`,
      },
    },
    validationOptions,
  );
}

/** An optional business date (a filter's bound, a posted date). */
export const OptionalBusinessDate = (api?: ApiPropertyOptions) => applyDecorators(ApiPropertyOptional(api), IsOptional(), IsBusinessDate());
