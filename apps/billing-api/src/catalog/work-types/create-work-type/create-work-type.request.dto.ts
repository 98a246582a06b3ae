import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsString, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { dec, MAX_HOURLY_RATE, MAX_HOURS_PER_ENTRY, MAX_MULTIPLIER, WORK_TYPE_MODIFIER_TYPES, type WorkTypeModifierType } from '@billing/domain';
import { decimalText, IsDecimalField } from '../../../http/decimal-field';
import { IsId } from '../../../http/ids';
import { Optional } from '../../../http/optional';
import { IsPlainText } from '../../../http/plain-text';

/**
 * The bounds of a modifier value by type (billing-rules §2): add either sign, multiply > 0, custom
 * and flat ≥ 0; rates at most MAX_HOURLY_RATE, multipliers at most MAX_MULTIPLIER (docs/decisions.md).
 */
const VALUE_BOUNDS: Record<Exclude<WorkTypeModifierType, 'none'>, { greaterThan?: string; min?: string; max: string; text: string }> = {
  add: {
    min: `-${MAX_HOURLY_RATE}`,
    max: MAX_HOURLY_RATE,
    text: `a decimal from -${MAX_HOURLY_RATE} to ${MAX_HOURLY_RATE} (a negative value lowers the role rate)`,
  },
  multiply: { greaterThan: '0', max: MAX_MULTIPLIER, text: `a decimal greater than 0, at most ${MAX_MULTIPLIER}` },
  custom: { min: '0', max: MAX_HOURLY_RATE, text: `a decimal from 0 to ${MAX_HOURLY_RATE}` },
  flat: { min: '0', max: MAX_HOURLY_RATE, text: `a decimal from 0 to ${MAX_HOURLY_RATE}` },
};

function valueProblem(type: unknown, value: unknown): string | null {
  if (!(WORK_TYPE_MODIFIER_TYPES as readonly unknown[]).includes(type)) return null; // `type` reports its own problem
  if (type === 'none') return value === undefined ? null : 'value is not accepted with type none';
  const bounds = VALUE_BOUNDS[type as Exclude<WorkTypeModifierType, 'none'>];
  const message = `value is required with type ${String(type)} and must be ${bounds.text}, with at most 4 decimal places`;
  const text = decimalText(value);
  if (text === undefined || (text.split('.')[1] ?? '').length > 4) return message;
  if (bounds.min !== undefined && dec(text).lessThan(bounds.min)) return message;
  if (bounds.greaterThan !== undefined && dec(text).lessThanOrEqualTo(bounds.greaterThan)) return message;
  if (dec(text).greaterThan(bounds.max)) return message;
  return null;
}

/** The modifier value: required (with its bounds) for every type but `none`, refused with `none`. */
function IsModifierValue(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isModifierValue',
      validator: {
        validate: (value, args) => valueProblem((args?.object as WorkTypeModifierRequest).type, value) === null,
        defaultMessage: (args) => valueProblem((args?.object as WorkTypeModifierRequest).type, args?.value) ?? 'value is invalid',
      },
    },
    validationOptions,
  );
}

/** maxHours, when both are given, is at least minHours. */
function IsNotBelowMinHours(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBelowMinHours',
      validator: {
        validate(value, args) {
          const max = decimalText(value);
          const min = decimalText((args?.object as CreateWorkTypeRequest).minHours);
          return max === undefined || min === undefined || dec(min).lessThanOrEqualTo(max);
        },
        defaultMessage: () => 'maxHours must be at least minHours',
      },
    },
    validationOptions,
  );
}

export class WorkTypeModifierRequest {
  @ApiProperty({ enum: WORK_TYPE_MODIFIER_TYPES, example: 'multiply' })
  @IsIn(WORK_TYPE_MODIFIER_TYPES)
  type!: WorkTypeModifierType;

  @ApiPropertyOptional({
    type: String,
    example: '1.5',
    description:
      'Required for every type but none: add (role rate + value), multiply (× value, > 0), custom (per hour, ≥ 0), flat (per entry, ≥ 0); up to 4 places',
  })
  @IsModifierValue()
  value?: string | number;
}

export class CreateWorkTypeRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'onsite' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'Onsite' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  billable?: boolean;

  @ApiPropertyOptional({ description: 'Show lines charged nothing (non-billable, covered) on invoices; default: the value of billable' })
  @Optional()
  @IsBoolean()
  showOnInvoice?: boolean;

  @ApiPropertyOptional({ example: 'labour', description: 'The tax category of its labour, a code matching the tax regions’ rates; absent: untaxed' })
  @Optional()
  @IsString()
  @IsId()
  taxCategory?: string;

  @ApiPropertyOptional({ type: String, example: '0.5', description: 'Least hours to bill per entry: 0 to 24, up to 4 places' })
  @Optional()
  @IsDecimalField({ min: '0', max: MAX_HOURS_PER_ENTRY })
  minHours?: string | number;

  @ApiPropertyOptional({ type: String, example: '8', description: 'Most hours to bill per entry: more than 0, at most 24, at least minHours' })
  @Optional()
  @IsDecimalField({ greaterThan: '0', max: MAX_HOURS_PER_ENTRY })
  @IsNotBelowMinHours()
  maxHours?: string | number;

  @ApiPropertyOptional({ type: () => WorkTypeModifierRequest, description: 'Default { type: "none" }' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkTypeModifierRequest)
  modifier?: WorkTypeModifierRequest;
}
