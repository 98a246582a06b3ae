import { Injectable } from '@nestjs/common';
import { roleDecider, roleStream, workTypeDecider, workTypeStream, type ExclusionSetReferences, type ExclusionSetTerms } from '@billing/domain';
import { StreamDecisions } from '../../infrastructure/stream-decisions';

/** Loads the states of the work types and roles an exclusion set names, for its decider to check. */
@Injectable()
export class ExclusionSetReferenceLoader {
  constructor(private readonly streams: StreamDecisions) {}

  async load(terms: Pick<ExclusionSetTerms, 'workTypeIds' | 'roleIds'>): Promise<ExclusionSetReferences> {
    const [workTypes, roles] = await Promise.all([
      Promise.all([...new Set(terms.workTypeIds)].map(async (id) => [id, (await this.streams.load(workTypeStream(id), workTypeDecider)).state] as const)),
      Promise.all([...new Set(terms.roleIds)].map(async (id) => [id, (await this.streams.load(roleStream(id), roleDecider)).state] as const)),
    ]);
    return { workTypes: Object.fromEntries(workTypes), roles: Object.fromEntries(roles) };
  }
}
