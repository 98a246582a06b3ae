import { derivedItemId, fnv1a128, MAX_ITEM_ID_LENGTH, reservedSourceTypeOf } from './derived-item-ids';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

describe('ids the ledger derives for the items it creates', () => {
  it('readable when every part is free of ":" and the whole fits; Approve & Post takes it', () => {
    const id = derivedItemId('svc', ['acme-rec', 'desk', '2026-01-01']);
    expect(id).toBe('svc:acme-rec:desk:2026-01-01');
    expect(id).toMatch(ID_PATTERN);
  });

  it('a hash when a part holds ":" (contract a:b with service c, contract a with service b:c) or the id would be too long', () => {
    // given: two pairs that would read the same, and two UUID-length ids of 100 characters
    const first = derivedItemId('svc', ['a:b', 'c', '2026-01-01']);
    const second = derivedItemId('svc', ['a', 'b:c', '2026-01-01']);
    const long = derivedItemId('svc', ['c'.repeat(100), 's'.repeat(100), '2026-01-01']);
    // then: distinct, in the hashed form (`::` never occurs in a readable id), within the id pattern
    expect(first).not.toBe(second);
    for (const id of [first, second, long]) {
      expect(id).toMatch(/^svc::[0-9a-f]{32}$/);
      expect(id).toMatch(ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(MAX_ITEM_ID_LENGTH);
    }
    // and: stable
    expect(derivedItemId('svc', ['a:b', 'c', '2026-01-01'])).toBe(first);
  });

  it('FNV-1a 128: the published offset basis for the empty text, and a known vector', () => {
    expect(fnv1a128('')).toBe('6c62272e07bb014262b821756295c58d');
    expect(fnv1a128('a')).toBe('d228cb696f1a8caf78912b704e4a8964');
  });

  it('reserves the derived prefixes for their own kind of item', () => {
    expect(reservedSourceTypeOf('svc:acme-rec:desk:2026-01-01')).toBe('SERVICE_PERIOD');
    expect(reservedSourceTypeOf('svcadj:x')).toBe('SERVICE_ADJUSTMENT');
    expect(reservedSourceTypeOf('setup:acme-rec')).toBe('SETUP_FEE');
    expect(reservedSourceTypeOf('ticket:T-1')).toBe('TICKET');
    expect(reservedSourceTypeOf('te-1')).toBeNull();
    expect(reservedSourceTypeOf('svc-1')).toBeNull();
  });
});
