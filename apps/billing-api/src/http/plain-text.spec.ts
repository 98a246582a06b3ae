import { validate } from 'class-validator';
import { IsBusinessDate } from './business-date-field';
import { IsPlainText } from './plain-text';

class Sample {
  @IsPlainText({ max: 10 })
  name!: unknown;

  @IsPlainText({ min: 0, max: 20, multiline: true })
  summary!: unknown;

  @IsBusinessDate()
  date!: unknown;
}

async function problems(values: Partial<Sample>): Promise<string[]> {
  const sample = Object.assign(new Sample(), { name: 'Acme', summary: '', date: '2026-11-20', ...values });
  return (await validate(sample)).map((e) => e.property);
}

describe('free text and business dates', () => {
  it('free text keeps its length bounds', async () => {
    expect(await problems({ name: '' })).toEqual(['name']);
    expect(await problems({ name: 'x'.repeat(10) })).toEqual([]);
    expect(await problems({ name: 'x'.repeat(11) })).toEqual(['name']);
    expect(await problems({ name: 5 })).toEqual(['name']);
  });

  it('a line feed is text in a summary, a control in a name; CR and TAB are controls in both', async () => {
    expect(await problems({ summary: 'one\ntwo' })).toEqual([]);
    expect(await problems({ name: 'one\ntwo' })).toEqual(['name']);
    expect(await problems({ summary: 'one\r\ntwo' })).toEqual(['summary']);
    expect(await problems({ summary: 'one\ttwo' })).toEqual(['summary']);
  });

  it('the characters next to the refused ranges are text', async () => {
    // U+00A0 follows the C1 controls, U+2029 and U+202F surround the embeddings and overrides, U+2065 and U+206A the isolates
    expect(await problems({ name: '\u00A0\u2029\u202F\u2065\u206A' })).toEqual([]);
    expect(await problems({ name: ' ~' })).toEqual([]); // U+0020 and U+007E, either side of the C0 controls and DEL
    expect(await problems({ name: '\u009F' })).toEqual(['name']);
    expect(await problems({ name: '\u001F' })).toEqual(['name']);
  });

  it('business dates run from 1900-01-01 to 2199-12-31', async () => {
    expect(await problems({ date: '1900-01-01' })).toEqual([]);
    expect(await problems({ date: '2199-12-31' })).toEqual([]);
    expect(await problems({ date: '1899-12-31' })).toEqual(['date']);
    expect(await problems({ date: '2200-01-01' })).toEqual(['date']);
  });
});
