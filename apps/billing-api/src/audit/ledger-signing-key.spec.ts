import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, configFromEnvironment } from '../config/app-config';
import { loadSigningKey, SIGNING_KEY_FILE } from './ledger-signing-key';

const ed25519Pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('the ledger signing key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created once in the data folder, readable by its owner only, and the same on every later start', () => {
    // given: a data folder that does not exist yet
    const dataDir = join(dir, 'data');
    // when
    const first = loadSigningKey({ dataDir });
    const second = loadSigningKey({ dataDir });
    // then
    expect(first.source).toBe('file');
    expect(statSync(join(dataDir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(second.keyId).toBe(first.keyId);
    expect(readdirSync(dataDir)).toEqual([SIGNING_KEY_FILE]);
  });

  it('comes from LEDGER_SIGNING_KEY when set, and then nothing is written', () => {
    const pem = ed25519Pem();
    const key = loadSigningKey({ dataDir: dir, signingKeyPem: pem });
    expect(key.source).toBe('LEDGER_SIGNING_KEY');
    expect(key.keyId).toBe(loadSigningKey({ dataDir: join(dir, 'elsewhere'), signingKeyPem: pem }).keyId);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stays in memory for an in-memory data folder', () => {
    expect(loadSigningKey({ dataDir: ':memory:' }).source).toBe('memory');
  });

  it('warns when the key file can be read by others, and refuses a key file that is not Ed25519', () => {
    const warnings: string[] = [];
    loadSigningKey({ dataDir: dir });
    chmodSync(join(dir, SIGNING_KEY_FILE), 0o644);
    loadSigningKey({ dataDir: dir }, { warn: (message: string) => warnings.push(message) });
    expect(warnings).toEqual([expect.stringMatching(/can be read by others \(mode 644\)/)]);

    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(join(dir, SIGNING_KEY_FILE), rsa);
    expect(() => loadSigningKey({ dataDir: dir })).toThrow(/rsa key, not an Ed25519 one/);
  });

  describe('LEDGER_SIGNING_KEY in the environment', () => {
    it('is read as PEM, with \\n escapes taken as line breaks', () => {
      const pem = ed25519Pem();
      expect(configFromEnvironment({ LEDGER_SIGNING_KEY: pem }).signingKeyPem).toBe(pem);
      expect(configFromEnvironment({ LEDGER_SIGNING_KEY: pem.replace(/\n/g, '\\n') }).signingKeyPem).toBe(pem);
      expect(configFromEnvironment({}).signingKeyPem).toBeUndefined();
    });

    it('refuses what is not an Ed25519 private key', () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      expect(() => configFromEnvironment({ LEDGER_SIGNING_KEY: 'not a key' })).toThrow(ConfigError);
      expect(() => configFromEnvironment({ LEDGER_SIGNING_KEY: rsa })).toThrow(/must be an Ed25519 key, got rsa/);
    });
  });
});
