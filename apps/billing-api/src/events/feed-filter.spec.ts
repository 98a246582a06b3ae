import { matchesFeedFilter, storeFilterOf } from './feed-filter';

describe('feed filter', () => {
  const event = (type: string, streamId: string) => ({ type, streamId });

  it('selects by type and by the exact category of the stream (its id up to the first `-`)', () => {
    const filter = { types: ['ItemPosted', 'InvoiceGenerated'], categories: ['ledger'] };
    expect(matchesFeedFilter(filter, event('ItemPosted', 'ledger-acme'))).toBe(true);
    expect(matchesFeedFilter(filter, event('InvoiceGenerated', 'ledger-acme-eu'))).toBe(true);
    expect(matchesFeedFilter(filter, event('ItemApproved', 'ledger-acme'))).toBe(false);
    expect(matchesFeedFilter(filter, event('ItemPosted', 'contract-c1'))).toBe(false);
    // a category that merely starts like `ledger` is another category
    expect(matchesFeedFilter(filter, event('ItemPosted', 'ledgerArchive-acme'))).toBe(false);
    // a stream without `-` is its own category
    expect(matchesFeedFilter({ categories: ['invoiceNumbers'] }, event('NumberAssigned', 'invoiceNumbers'))).toBe(true);
  });

  it('an absent or empty list selects everything', () => {
    expect(matchesFeedFilter({}, event('Anything', 'any-1'))).toBe(true);
    expect(matchesFeedFilter({ types: [], categories: [] }, event('Anything', 'any-1'))).toBe(true);
    expect(storeFilterOf({})).toBeUndefined();
    expect(storeFilterOf({ types: [] })).toBeUndefined();
  });

  it("becomes the store's filter: categories as stream prefixes (narrowed again by matchesFeedFilter), types as they are", () => {
    expect(storeFilterOf({ types: ['ItemPosted'], categories: ['ledger', 'contract'] })).toEqual({
      eventTypes: ['ItemPosted'],
      streamPrefixes: ['ledger', 'contract'],
    });
    expect(storeFilterOf({ categories: ['ledger'] })).toEqual({ streamPrefixes: ['ledger'] });
  });
});
