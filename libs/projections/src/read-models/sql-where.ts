/** Builds the WHERE of a filtered read-model query: only the filters given take part. */
export class SqlWhere {
  private readonly conditions: string[];
  readonly params: unknown[] = [];

  constructor(...always: string[]) {
    this.conditions = [...always];
  }

  /** `column op ?` when the value is given. */
  when(column: string, op: '=' | '>=' | '<=', value: unknown): this {
    if (value !== undefined && value !== null && value !== '') {
      this.conditions.push(`${column} ${op} ?`);
      this.params.push(value);
    }
    return this;
  }

  /** `column IN (…)` when values are given. */
  whenIn(column: string, values: readonly unknown[] | undefined): this {
    if (values?.length) {
      this.conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      this.params.push(...values);
    }
    return this;
  }

  /** Any other condition, with its parameters. */
  also(condition: string, ...params: unknown[]): this {
    this.conditions.push(condition);
    this.params.push(...params);
    return this;
  }

  /** `WHERE …`, or nothing when no condition applies. */
  get clause(): string {
    return this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
