import { csvDecimal, csvField, csvRecord, csvText } from './csv';

describe('CSV (RFC 4180) with a guard against formula injection', () => {
  it.each([
    ['plain', 'Cables', 'Cables'],
    ['a comma: quoted', 'Cables, blue', '"Cables, blue"'],
    ['a double quote: quoted and doubled', '19" rack', '"19"" rack"'],
    ['a line feed: quoted', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a carriage return: quoted', 'a\rb', '"a\rb"'],
    ['empty', '', ''],
    ['spaces kept', ' padded ', ' padded '],
  ])('a field, %s', (_case, text, expected) => {
    expect(csvField(text)).toBe(expected);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+', '+1+1', "'+1+1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=1', "'\t=1"],
    ['a carriage return', '\r=1', `"'\r=1"`],
  ])('text that starts with %s gets a leading apostrophe (and quotes where it needs them)', (_case, text, expected) => {
    expect(csvText(text)).toBe(expected);
  });

  it('text with those characters elsewhere is left alone; null is an empty field', () => {
    expect(csvText('a=b, c-d @ e+f')).toBe('"a=b, c-d @ e+f"');
    expect(csvText(null)).toBe('');
  });

  it('decimal numbers, negative ones included, are written as they are: a spreadsheet must read them as numbers', () => {
    expect(csvDecimal('-12.50')).toBe('-12.50');
    expect(csvDecimal('0.25')).toBe('0.25');
    expect(csvDecimal('1000')).toBe('1000');
    expect(csvDecimal(null)).toBe('');
  });

  it('anything else in a number column is guarded as text', () => {
    expect(csvDecimal('-1+1')).toBe("'-1+1");
    expect(csvDecimal('=1')).toBe("'=1");
    expect(csvDecimal('1,5')).toBe('"1,5"');
  });

  it('a record joins its fields with commas and ends with CRLF', () => {
    expect(csvRecord(['a', '"b,c"', ''])).toBe('a,"b,c",\r\n');
  });
});
