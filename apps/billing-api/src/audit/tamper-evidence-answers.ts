import type { ChainBreak, ChainBreakReason, ChainReport } from '@billing/event-store';

/** Where a stream's hash chain breaks first (docs/tamper-evidence.md). */
export interface ChainBreakAnswer {
  streamId: string;
  /** The first revision of the stream that does not verify (for deleted events, the first one missing). */
  revision: string;
  /** The global position of the event at which the walk found it. */
  position: string;
  reason: ChainBreakReason;
  detail: string;
}

/** `GET /api/audit/verify`: every stream's chain, walked once in global order. */
export interface ChainReportAnswer {
  ok: boolean;
  eventsChecked: number;
  streams: number;
  position: string;
  unchainedEvents: number;
  breaks: number;
  firstBreak?: ChainBreakAnswer;
}

/** `POST /api/audit/digest/verify`: a kept digest checked against its signature and against the store. */
export interface DigestCheckAnswer {
  /** `signatureValid` and `storeMatches`. */
  valid: boolean;
  /** The signature is the digest's public key's over its other fields (which key that is: `signedByThisLedger`). */
  signatureValid: boolean;
  /** The digest names the key this service signs with now (false for a digest signed before a key rotation, or by someone else). */
  signedByThisLedger: boolean;
  /** The store still holds exactly the digest's stream heads at its position, with every chain up to there unbroken. */
  storeMatches: boolean;
  /** What the store holds at the digest's position now. */
  recomputed: { streams: number; merkleRoot: string; storeHeadPosition: string };
  /** The chain walk up to the digest's position. */
  chain: ChainReportAnswer;
}

export function chainBreakAnswer(found: ChainBreak): ChainBreakAnswer {
  return { streamId: found.streamId, revision: found.revision.toString(), position: found.position.toString(), reason: found.reason, detail: found.detail };
}

export function chainReportAnswer(report: ChainReport): ChainReportAnswer {
  return {
    ok: report.ok,
    eventsChecked: report.eventsChecked,
    streams: report.streams,
    position: report.position.toString(),
    unchainedEvents: report.unchainedEvents,
    breaks: report.breaks,
    ...(report.firstBreak ? { firstBreak: chainBreakAnswer(report.firstBreak) } : {}),
  };
}

const decimalString = (description: string) => ({ type: 'string', pattern: '^[0-9]+$', description });
const hex64 = (description: string) => ({ type: 'string', pattern: '^[0-9a-f]{64}$', description });

export const CHAIN_REPORT_SCHEMA = {
  type: 'object',
  required: ['ok', 'eventsChecked', 'streams', 'position', 'unchainedEvents', 'breaks'],
  properties: {
    ok: { type: 'boolean', description: 'No break found (events stored before the chain existed do not make it false)' },
    eventsChecked: { type: 'integer' },
    streams: { type: 'integer', description: 'Streams with events up to `position`' },
    position: decimalString("The global position checked up to, inclusive: the store's last position when the walk started"),
    unchainedEvents: { type: 'integer', description: 'Events stored before the hash chain existed: each a prefix of its stream, not protected by the chain' },
    breaks: { type: 'integer', description: 'Events at which a chain is broken (one tampered event is one break; a swap or a rewritten hash may make more)' },
    firstBreak: {
      type: 'object',
      description: 'Absent when ok',
      required: ['streamId', 'revision', 'position', 'reason', 'detail'],
      properties: {
        streamId: { type: 'string', example: 'contract-c1' },
        revision: decimalString('The first revision of the stream that does not verify (for deleted events: the first one missing)'),
        position: decimalString('The global position of the event at which the walk found the break'),
        reason: {
          type: 'string',
          enum: ['hash-mismatch', 'missing-revision', 'revision-out-of-order', 'unchained-after-chained'],
          description:
            'hash-mismatch: the event, or its predecessor’s hash, is not what was hashed (changed, swapped, moved); missing-revision: events deleted; ' +
            'revision-out-of-order: revisions reordered or repeated; unchained-after-chained: a hash removed',
        },
        detail: { type: 'string' },
      },
    },
  },
};

export const HEADS_DIGEST_SCHEMA = {
  type: 'object',
  required: ['format', 'position', 'streams', 'merkleRoot', 'madeAt', 'algorithm', 'keyId', 'publicKey', 'signature'],
  properties: {
    format: { type: 'string', enum: ['ledger-heads-digest/1'] },
    position: decimalString('The global position the digest covers, inclusive'),
    streams: { type: 'integer', description: 'Streams with events up to `position`: the leaves of the tree' },
    merkleRoot: hex64('RFC 6962 root over the stream heads (stream id, revision, hash), sorted by the UTF-8 bytes of the stream id'),
    madeAt: { type: 'string', format: 'date-time' },
    algorithm: { type: 'string', enum: ['Ed25519'] },
    keyId: hex64('SHA-256 of the public key (DER SubjectPublicKeyInfo)'),
    publicKey: { type: 'string', description: 'SPKI PEM' },
    signature: { type: 'string', format: 'byte', description: 'Ed25519 over the canonical JSON of every other field, base64' },
  },
};

export const DIGEST_CHECK_SCHEMA = {
  type: 'object',
  required: ['valid', 'signatureValid', 'signedByThisLedger', 'storeMatches', 'recomputed', 'chain'],
  properties: {
    valid: { type: 'boolean', description: 'signatureValid and storeMatches' },
    signatureValid: { type: 'boolean', description: 'The signature is the digest’s public key’s over its other fields' },
    signedByThisLedger: { type: 'boolean', description: 'The digest names the key this service signs with now (false after a key rotation)' },
    storeMatches: {
      type: 'boolean',
      description: 'The store holds exactly the digest’s stream heads at its position (same root, same number of streams), every chain up to there unbroken',
    },
    recomputed: {
      type: 'object',
      required: ['streams', 'merkleRoot', 'storeHeadPosition'],
      properties: {
        streams: { type: 'integer' },
        merkleRoot: hex64('The root over what the store holds at the digest’s position now'),
        storeHeadPosition: decimalString('The store’s last position now'),
      },
    },
    chain: CHAIN_REPORT_SCHEMA,
  },
};
