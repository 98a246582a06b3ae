import { loggableUrl } from './request-log.middleware';

describe('what the request log may show', () => {
  it('a URL with nothing secret is logged as it is', () => {
    expect(loggableUrl('/api/time-entries?accountId=acme&from=2026-11-01')).toBe('/api/time-entries?accountId=acme&from=2026-11-01');
    expect(loggableUrl('/api/accounts/keystone?monkey=1&tokens=2')).toBe('/api/accounts/keystone?monkey=1&tokens=2');
  });

  it('credential parameters and API keys are redacted, however they are escaped', () => {
    expect(loggableUrl('/api/x?ACCESS-TOKEN=a&access%5Ftoken=b')).toBe('/api/x?ACCESS-TOKEN=[redacted]&access%5Ftoken=[redacted]');
    expect(loggableUrl('/api/x?q=blk%5Fabc')).toBe('/api/x?q=[redacted]');
    expect(loggableUrl('/api/x?blk_abc')).toBe('/api/x?[redacted]');
    expect(loggableUrl('/api/x?key=a&key=b')).toBe('/api/x?key=[redacted]&key=[redacted]');
  });
});
