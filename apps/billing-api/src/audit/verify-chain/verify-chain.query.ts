/** Every stream's hash chain, up to the store's last position when asked. */
export class VerifyChainQuery {}
