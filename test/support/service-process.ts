import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FINANCE_KEY } from './test-app';

const MAIN = join(__dirname, '../../apps/billing-api/src/main.ts');
const START_TIMEOUT_MS = 20_000;

export interface ServiceProcess {
  url: string;
  /** How the process ended: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

/**
 * The service as `npm start` runs it (main.ts, compiled on the fly), in a process of its own on
 * `dataDir`, so that a test can kill it as a crash would. `faultPoint` (BILLING_FAULT_POINT) makes
 * it SIGKILL itself when it reaches that point of a command (apps/billing-api/src/infrastructure/fault-points.ts).
 */
export function startServiceProcess(dataDir: string, faultPoint?: string): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, PORT: '0', LEDGER_DATA_DIR: dataDir, BILLING_BOOTSTRAP_KEY: FINANCE_KEY, BILLING_FAULT_POINT: faultPoint ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    const watchdog = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the service did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    void exited.then(({ code, signal }) => {
      clearTimeout(watchdog);
      reject(new Error(`the service stopped before it listened (${code ?? signal}): ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; port?: number };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.msg !== 'listening') return;
      clearTimeout(watchdog);
      resolve({ url: `http://127.0.0.1:${entry.port}`, exited, kill: () => child.kill('SIGKILL') });
    });
  });
}

/** A request as finance; answers the status and body, or the error when the connection broke. */
export async function send(
  service: ServiceProcess,
  method: string,
  path: string,
  body?: object,
): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${FINANCE_KEY}`, ...(body && { 'Content-Type': 'application/json' }) },
      body: body && JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  } catch (error) {
    return { error: String(error) };
  }
}
