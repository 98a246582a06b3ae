import { CreateExclusionSetRequest } from '../create-exclusion-set/create-exclusion-set.request.dto';

/** The whole set as it should be from now on; `id`, if sent, must be the one in the path. */
export class ChangeExclusionSetRequest extends CreateExclusionSetRequest {}
