/** Callers waiting for the projections to get somewhere; `notify` after every change of progress. */
export class ProgressWaiters {
  private readonly checks = new Set<() => void>();

  /** True once `reached`, false as soon as `failed` or after `timeoutMs`. */
  waitUntil(reached: () => boolean, failed: () => boolean, timeoutMs: number): Promise<boolean> {
    if (reached()) return Promise.resolve(true);
    if (failed()) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.checks.delete(check);
        resolve(value);
      };
      const check = () => {
        if (reached()) finish(true);
        else if (failed()) finish(false);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      timer.unref();
      this.checks.add(check);
    });
  }

  notify(): void {
    for (const check of [...this.checks]) check();
  }
}
