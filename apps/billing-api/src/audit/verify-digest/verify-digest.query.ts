import type { HeadsDigest } from '@billing/event-store';

/** A kept digest: is its signature valid, and does the store still hold exactly its stream heads? */
export class VerifyDigestQuery {
  constructor(readonly digest: HeadsDigest) {}
}
