/**
 * RFC 6750's b64token: what may follow `Bearer ` in an Authorization header. Both the guard and
 * the start-up check of BILLING_BOOTSTRAP_KEY use it, so a key the service stores is a key a
 * client can send.
 */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MAX_API_KEY_LENGTH = 512;

export function isBearerToken(key: string): boolean {
  return key.length <= MAX_API_KEY_LENGTH && B64TOKEN.test(key);
}

/** The key of an `Authorization: Bearer <key>` header, or undefined when the header is not one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+)$/i.exec(header ?? '');
  return match && isBearerToken(match[1]) ? match[1] : undefined;
}
