import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainReport, HeadsDigest } from '@billing/event-store';
import { loadSigningKey, SIGNING_KEY_FILE } from '../../audit/ledger-signing-key';
import { chainReportAnswer, type ChainReportAnswer } from '../../audit/tamper-evidence-answers';
import { CliError, EXIT_FOUND, EXIT_OK } from '../cli-error';
import { openLedgerStore, type LedgerData } from '../ledger-data';
import { formatCount, startProgress, type Progress, type ProgressOptions } from '../progress';
import { parseHeadsDigest, verifyLedger, type DigestCheck } from './verify-ledger';

export interface VerifyCommandOptions {
  /** A digest kept from `GET /api/audit/digest`. */
  digest?: string;
  json: boolean;
}

/** What `ledger verify --json` prints: the chain report as `GET /api/audit/verify` answers it, and the digest's check. */
export interface VerifyReport {
  ok: boolean;
  storeHeadPosition: string;
  chains: ChainReportAnswer;
  digest?: DigestCheck & {
    valid: boolean;
    position: string;
    keyId: string;
    /** Whether the digest names the key this ledger signs with; null where that key is not available (neither LEDGER_SIGNING_KEY nor the key file). */
    signedByThisLedger: boolean | null;
  };
}

export async function verifyCommand(data: LedgerData, options: VerifyCommandOptions, progress: ProgressOptions, out: NodeJS.WritableStream): Promise<number> {
  const digest = options.digest === undefined ? undefined : readDigest(options.digest);
  const store = await openLedgerStore(data);
  try {
    const bars: Partial<Record<'chains' | 'digest', Progress>> = {};
    const result = await verifyLedger(store, {
      digest,
      onProgress: (walk, p) => {
        bars[walk] ??= startProgress(walk === 'chains' ? 'verify' : 'verify digest', 0n, p.toPosition, progress);
        bars[walk].update(p.position, p.eventsChecked);
      },
    });
    bars.chains?.done();
    bars.digest?.done();
    const report: VerifyReport = {
      ok: result.chains.ok && (result.digest === undefined || (result.digest.signatureValid && result.digest.storeMatches)),
      storeHeadPosition: result.storeHeadPosition.toString(),
      chains: chainReportAnswer(result.chains),
      ...(result.digest && digest
        ? {
            digest: {
              ...result.digest,
              valid: result.digest.signatureValid && result.digest.storeMatches,
              position: digest.position,
              keyId: digest.keyId,
              signedByThisLedger: signedByThisLedger(data, digest),
            },
          }
        : {}),
    };
    out.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describeVerify(report, result.chains));
    return report.ok ? EXIT_OK : EXIT_FOUND;
  } finally {
    await store.close();
  }
}

function readDigest(file: string): HeadsDigest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the digest ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`the digest ${file} is not JSON (save the body of GET /api/audit/digest as it is)`);
  }
  const digest = parseHeadsDigest(value);
  if (typeof digest === 'string') throw new CliError(`the digest ${file} is not a ledger digest: ${digest}`);
  return digest;
}

/** Compares the digest's key with the ledger's own, read where the service reads it; never creates a key file. */
function signedByThisLedger(data: LedgerData, digest: HeadsDigest): boolean | null {
  const { config } = data;
  if (!config.signingKeyPem && !existsSync(join(config.dataDir, SIGNING_KEY_FILE))) return null;
  try {
    return loadSigningKey(config).keyId === digest.keyId;
  } catch {
    return null;
  }
}

function describeVerify(r: VerifyReport, chains: ChainReport): string {
  const lines: string[] = [];
  const c = r.chains;
  const scope = `${formatCount(c.eventsChecked)} events in ${formatCount(c.streams)} streams up to position ${c.position}`;
  const unchained = c.unchainedEvents ? ` (${formatCount(c.unchainedEvents)} events from before the chain, not covered by it)` : '';
  if (chains.ok) lines.push(`chains: ${scope}: every chain holds${unchained}`);
  else {
    const b = c.firstBreak!;
    lines.push(`chains: BROKEN: ${formatCount(c.breaks)} break${c.breaks === 1 ? '' : 's'} in ${scope}${unchained}`);
    lines.push(`  first break: ${b.streamId} revision ${b.revision} (position ${b.position}): ${b.reason}: ${b.detail}`);
  }
  const d = r.digest;
  if (d) {
    const key =
      d.signedByThisLedger === null
        ? "this ledger's key is not available here to compare (LEDGER_SIGNING_KEY or signing-key.pem): compare keyId with the one you trust"
        : d.signedByThisLedger
          ? "signed with this ledger's key"
          : "signed with ANOTHER key than this ledger's (a rotated key, or not this ledger's): compare keyId with the one you trust";
    lines.push(`digest: position ${d.position}, ${formatCount(d.recomputed.streams)} streams now, keyId ${d.keyId}`);
    lines.push(`  signature ${d.signatureValid ? 'valid' : 'INVALID'}; ${key}`);
    lines.push(`  ${d.storeMatches ? 'the store matches the digest' : `the store does NOT match the digest: ${d.mismatch}`}`);
  }
  lines.push(r.ok ? 'verified' : 'NOT verified');
  return `${lines.join('\n')}\n`;
}
