/** A signed digest of every stream's head at the store's last position. */
export class MakeDigestQuery {}
