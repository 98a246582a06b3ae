import { validate } from 'class-validator';
import { IsBusinessDate } from './business-date-field';
import { IsDecimalField } from './decimal-field';

class Sample {
  @IsDecimalField({ greaterThan: '0', max: '24' })
  hours!: unknown;

  @IsDecimalField({ maxDecimalPlaces: 6, min: '0' })
  taxRate!: unknown;

  @IsBusinessDate()
  date!: unknown;
}

async function problems(values: Partial<Sample>): Promise<string[]> {
  const sample = Object.assign(new Sample(), { hours: '1', taxRate: '0', date: '2026-11-20', ...values });
  return (await validate(sample)).map((e) => e.property);
}

describe('decimal and date fields', () => {
  it('accept decimal strings and JSON numbers within their places and bounds', async () => {
    expect(await problems({ hours: '2.25', taxRate: '0.08875' })).toEqual([]);
    expect(await problems({ hours: 24, taxRate: 0.1 })).toEqual([]);
  });

  it('refuse more decimal places than allowed, floats written in exponent form, and non-decimals', async () => {
    expect(await problems({ hours: '1.23456' })).toEqual(['hours']); // 5 places > 4
    expect(await problems({ taxRate: '0.1234567' })).toEqual(['taxRate']);
    expect(await problems({ hours: 1e-7 })).toEqual(['hours']);
    expect(await problems({ hours: 'two' })).toEqual(['hours']);
    expect(await problems({ hours: '01.5' })).toEqual(['hours']);
    expect(await problems({ hours: true })).toEqual(['hours']);
  });

  it('apply the bounds exactly', async () => {
    expect(await problems({ hours: '0' })).toEqual(['hours']); // must be > 0
    expect(await problems({ hours: '24.0001' })).toEqual(['hours']);
    expect(await problems({ hours: '0.0001' })).toEqual([]);
    expect(await problems({ taxRate: '-0.01' })).toEqual(['taxRate']);
  });

  it('dates must exist in the calendar', async () => {
    expect(await problems({ date: '2026-02-29' })).toEqual(['date']);
    expect(await problems({ date: '2028-02-29' })).toEqual([]);
    expect(await problems({ date: '20-11-2026' })).toEqual(['date']);
  });
});
