import { signatureHeader, verifySignature } from './webhook-signature';

const secret = 'whsec_test_secret_0123456789';
const body = '{"id":"e-1","type":"AccountCreated"}';
const t = 1_700_000_000;

describe('webhook signature (HMAC-SHA256 over "<timestamp>.<body>")', () => {
  it('signs as openssl computes it', () => {
    // printf '%s' '1700000000.{"id":"e-1","type":"AccountCreated"}' | openssl dgst -sha256 -hmac 'whsec_test_secret_0123456789'
    expect(signatureHeader(secret, body, t)).toBe('t=1700000000,v1=0db3fb2aa8981e3a2a5c892cc00a89f8fc6e3e49c2e0e10a33e9ffa44b562f15');
  });

  it('a receiver with the secret verifies it', () => {
    expect(verifySignature(signatureHeader(secret, body, t), body, secret, t + 10)).toBe(true);
  });

  it('a wrong secret, a changed body or a changed timestamp fails', () => {
    const header = signatureHeader(secret, body, t);
    expect(verifySignature(header, body, 'whsec_another_secret_0123456', t)).toBe(false);
    expect(verifySignature(header, body.replace('e-1', 'e-2'), secret, t)).toBe(false);
    expect(verifySignature(header.replace(`t=${t}`, `t=${t + 1}`), body, secret, t)).toBe(false);
  });

  it('a timestamp older (or newer) than the tolerance fails, so a captured delivery cannot be sent again later', () => {
    const header = signatureHeader(secret, body, t);
    expect(verifySignature(header, body, secret, t + 300)).toBe(true);
    expect(verifySignature(header, body, secret, t + 301)).toBe(false);
    expect(verifySignature(header, body, secret, t - 301)).toBe(false);
  });

  it('no header, a header without v1, or a malformed one fails', () => {
    expect(verifySignature(undefined, body, secret, t)).toBe(false);
    expect(verifySignature(`t=${t}`, body, secret, t)).toBe(false);
    expect(verifySignature(`t=${t},v1=zz`, body, secret, t)).toBe(false);
    expect(verifySignature('v1=0db3fb2aa8981e3a2a5c892cc00a89f8fc6e3e49c2e0e10a33e9ffa44b562f15', body, secret, t)).toBe(false);
  });
});
