/**
 * Test-only: with `BILLING_FAULT_POINT=<name>` in its environment, the process kills itself with
 * SIGKILL when it reaches the point of that name, as a power cut would stop it there (nothing
 * flushed, no shutdown hook). Crash tests start the service in a child process with it set, then
 * start it again without it on the same data and check that the next request finishes the work.
 */
export function faultPoint(name: string): void {
  if (process.env.BILLING_FAULT_POINT === name) process.kill(process.pid, 'SIGKILL');
}
