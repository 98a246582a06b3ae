import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWebhookSecret, WebhookSecrets, webhookSecretsKey } from './webhook-secrets';

describe('webhook secrets', () => {
  const secrets = new WebhookSecrets(randomBytes(32));

  it('a sealed secret opens to itself, and does not show it', () => {
    const secret = 'whsec_given_by_the_client_01';
    const sealed = secrets.seal(secret);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(secrets.open(sealed)).toBe(secret);
  });

  it('sealing twice gives two different texts (a fresh nonce each time)', () => {
    expect(secrets.seal('same')).not.toBe(secrets.seal('same'));
  });

  it('another key cannot open it, and an altered one does not open', () => {
    const sealed = secrets.seal('whsec_given_by_the_client_01');
    expect(() => new WebhookSecrets(randomBytes(32)).open(sealed)).toThrow();
    const [version, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => secrets.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('the fingerprint is the same for the same secret, differs for another, and differs under another key', () => {
    expect(secrets.fingerprint('abc')).toBe(secrets.fingerprint('abc'));
    expect(secrets.fingerprint('abc')).not.toBe(secrets.fingerprint('abd'));
    expect(new WebhookSecrets(randomBytes(32)).fingerprint('abc')).not.toBe(secrets.fingerprint('abc'));
  });

  it('new secrets are 32 random bytes after whsec_', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('the key is made once in the data folder, readable by its owner only, and read back on the next start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'webhook-key-'));
    try {
      const config = { port: 0, dataDir, readYourWritesTimeoutMs: 5000 };
      const first = webhookSecretsKey(config);
      expect(first).toHaveLength(32);
      expect(webhookSecretsKey(config).equals(first)).toBe(true);
      expect(statSync(join(dataDir, 'webhook-secrets.key')).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(join(dataDir, 'webhook-secrets.key'), 'utf8'), 'base64').equals(first)).toBe(true);
      // a key in the configuration wins
      const configured = randomBytes(32);
      expect(webhookSecretsKey({ ...config, webhooks: { secretsKey: configured.toString('base64') } }).equals(configured)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
