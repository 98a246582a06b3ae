import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts the keys of every object, at every depth, and writes no whitespace', () => {
    // given / when
    const json = canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x y' } });
    // then
    expect(json).toBe('{"a":{"c":"x y","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does (uppercase before lowercase, digits as text)', () => {
    expect(canonicalJson({ b: 0, B: 0, '10': 0, '9': 0, é: 0, e: 0 })).toBe('{"10":0,"9":0,"B":0,"b":0,"e":0,"é":0}');
  });

  it('writes what JSON.stringify writes for the rest: toJSON, undefined members, holes, non-finite numbers, -0', () => {
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const value = { when: new Date('2026-11-20T10:00:00.000Z'), gone: undefined, f: () => 1, list: [undefined, NaN, Infinity, -0], sparse };
    expect(canonicalJson(value)).toBe('{"list":[null,null,null,0],"sparse":[1,null,3],"when":"2026-11-20T10:00:00.000Z"}');
  });

  it('escapes strings as JSON.stringify does, lone surrogates included', () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u0001\ud800' })).toBe('{"s":"a\\"b\\\\c\\n\\u0001\\ud800"}');
  });

  it('refuses a bigint and a value with no JSON form', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('property: a value and its JSON round trip have the same canonical form, whatever the key order', () => {
    const anything = fc.anything({ withBoxedValues: true, withDate: true, withNullPrototype: true, withSparseArray: true, withObjectString: true });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), anything), (value) => {
        const stored = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
        const reversed = Object.fromEntries(Object.entries(stored).reverse());
        const canonical = canonicalJson(value);
        if (canonical !== canonicalJson(stored) || canonical !== canonicalJson(reversed)) {
          throw new Error(`canonical forms differ for ${JSON.stringify(value)}: ${canonical} / ${canonicalJson(stored)} / ${canonicalJson(reversed)}`);
        }
        expect(JSON.parse(canonical)).toEqual(stored);
      }),
      { numRuns: 500 },
    );
  });
});
