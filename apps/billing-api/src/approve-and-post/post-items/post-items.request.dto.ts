import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, Matches, validateSync } from 'class-validator';
import { dec, MAX_HOURLY_RATE, MAX_HOURS_PER_ENTRY, MAX_ITEM_AMOUNT } from '@billing/domain';
import { ArrayOfDistinct } from '../../http/array-of-distinct';
import { OptionalBusinessDate } from '../../http/business-date-field';
import { decimalText } from '../../http/decimal-field';
import { ID_PATTERN } from '../../http/ids';
import { IsPlainText } from '../../http/plain-text';
import type { FieldProblem } from '../../http/problem';
import type { CheckedRequest } from '../../http/validation';
import { Optional } from '../../http/optional';

export const OVERRIDE_FIELDS = ['hoursToBill', 'hourlyRate', 'amount'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];
/** The most each override may be: the hours of one entry, an hourly rate, one item's amount. */
const OVERRIDE_MAX: Record<OverrideField, string> = { hoursToBill: MAX_HOURS_PER_ENTRY, hourlyRate: MAX_HOURLY_RATE, amount: MAX_ITEM_AMOUNT };

/** What the approver may change of one item (labour: any; charges and expenses: amount), as documented. */
export class ItemOverrideRequest {
  @ApiPropertyOptional({ example: '1.5', description: 'At least 0, at most 24, up to 4 places' })
  hoursToBill?: string | number;

  @ApiPropertyOptional({ example: '95', description: `At least 0, at most ${MAX_HOURLY_RATE}, up to 4 places` })
  hourlyRate?: string | number;

  @ApiPropertyOptional({ example: '120.00', description: `At least 0, at most ${MAX_ITEM_AMOUNT}, up to 4 places` })
  amount?: string | number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'acme-tm',
    description:
      'Time entries only: rate the entry on this contract instead of where routing put it (billing-rules §4.4), null for no contract. ' +
      'An active contract of the entry’s account (or its parent) whose dates cover the date worked; needs `reason`',
  })
  contractId?: string | null;

  @ApiPropertyOptional({
    example: 'the customer agreed to bill this visit as T&M',
    description: 'Why the entry is re-routed: required with `contractId`, only with it',
  })
  reason?: string;
}

/** The reason of a re-routing, checked as every reason is. */
class RerouteReason {
  @IsPlainText({ max: 2000 })
  reason!: unknown;
}

/** `contractId` (an id, or null) re-routes a time entry and needs a `reason`; a reason goes only with it. */
function routingProblems(field: string, override: object): FieldProblem[] {
  const { contractId, reason } = override as { contractId?: unknown; reason?: unknown };
  const rerouted = Object.hasOwn(override, 'contractId');
  const problems: FieldProblem[] = [];
  if (rerouted && contractId !== null && !(typeof contractId === 'string' && ID_PATTERN.test(contractId)))
    problems.push({ field: `${field}.contractId`, message: 'contractId must be a contract id, or null for no contract' });
  if (!Object.hasOwn(override, 'reason')) {
    if (rerouted) problems.push({ field: `${field}.reason`, message: 'reason is required with contractId: say why the entry is re-routed' });
    return problems;
  }
  if (!rerouted) problems.push({ field: `${field}.reason`, message: 'reason goes only with contractId: it says why the entry is re-routed' });
  for (const error of validateSync(Object.assign(new RerouteReason(), { reason })))
    for (const message of Object.values(error.constraints ?? {})) problems.push({ field: `${field}.reason`, message });
  return problems;
}

const isOverrideField = (key: string): key is OverrideField => (OVERRIDE_FIELDS as readonly string[]).includes(key);

export class PostItemsRequest implements CheckedRequest {
  @ApiProperty({
    type: [String],
    description:
      'Source item ids (time entry, charge, expense, purchase ids; `ticket:<id>` for a completed ticket; the ids accrual gives service periods, adjustments and setup fees, `svc:…`, `svcadj:…`, `setup:…`)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20000)
  @ArrayOfDistinct()
  @Matches(ID_PATTERN, { each: true, message: 'each item id must be an id' })
  itemIds!: string[];

  @OptionalBusinessDate({ description: 'The posted date; today when absent' })
  postedDate?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ItemOverrideRequest' },
    description:
      'By item id: { hoursToBill?, hourlyRate?, amount?, contractId?, reason? } (labour: any; charges and expenses: amount). The originals stay in the event. ' +
      '`contractId` re-routes a time entry (with a `reason`); the posting records where routing had put it. ' +
      'Sending an item already approved or posted with other choices is 409 (`approved-with-other-choices`, `posted-with-other-choices`).',
    example: { 'te-1': { hoursToBill: '1.5' }, 'te-2': { contractId: 'acme-tm', reason: 'billed as T&M by agreement' } },
  })
  @Optional()
  @IsObject()
  overrides?: Record<string, unknown>;

  /** Overrides are keyed by item id, so no field decorator sees their fields: each is checked here, every problem named by its path. */
  problems(): FieldProblem[] {
    const problems: FieldProblem[] = [];
    for (const [itemId, value] of Object.entries(this.overrides ?? {})) {
      const field = `overrides.${itemId}`;
      if (!this.itemIds.includes(itemId)) problems.push({ field, message: `item ${itemId} is not in itemIds` });
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ field, message: 'must be an object { hoursToBill?, hourlyRate?, amount?, contractId?, reason? }' });
        continue;
      }
      problems.push(...routingProblems(field, value));
      for (const [key, v] of Object.entries(value)) {
        if (key === 'contractId' || key === 'reason') continue;
        if (!isOverrideField(key)) {
          problems.push({ field: `${field}.${key}`, message: `unknown field: ${key} is not accepted here` });
          continue;
        }
        const text = decimalText(v);
        const places = text?.split('.')[1]?.length ?? 0;
        if (text === undefined || places > 4 || text.startsWith('-') || dec(text).greaterThan(OVERRIDE_MAX[key]))
          problems.push({
            field: `${field}.${key}`,
            message: `${key} must be a decimal from 0 to ${OVERRIDE_MAX[key]} with at most 4 decimal places`,
          });
      }
    }
    return problems;
  }
}
