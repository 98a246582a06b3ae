import { bearerToken } from './bearer-token';

describe('the bearer parser', () => {
  it('takes the key of an Authorization: Bearer header, whatever the scheme’s case', () => {
    expect(bearerToken('Bearer blk_abc-DEF_123')).toBe('blk_abc-DEF_123');
    expect(bearerToken('bearer abc+/==')).toBe('abc+/==');
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer two words', 'Bearer a"b', 'Bearer a=b', `Bearer ${'k'.repeat(513)}`])(
    'refuses %p',
    (header) => {
      expect(bearerToken(header)).toBeUndefined();
    },
  );
});
