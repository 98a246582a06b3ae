import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** Release approved items that are not posted: pending and editable again. */
export class ReleaseItemsCommand {
  constructor(
    readonly itemIds: string[],
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {}
}

export interface ReleaseItemsResult {
  released: string[];
  position: bigint;
}
