/** One field's problem in a 400 answer. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The error bodies of docs/http-api.md. */
export type ProblemBody =
  | { error: 'validation'; details: FieldProblem[] }
  | { error: 'rule'; rule: string; message: string }
  | {
      error: 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unsupported_media_type' | 'unavailable' | 'internal';
      message: string;
      code?: string;
    };
