/*
 * The service in a process of its own, for benchmarks that measure its memory apart from the
 * client's. By default it runs as `npm start` runs it, from plain JavaScript: apps/billing-api and
 * libs/* are compiled once with @swc/core and the repository's .swcrc (decorator metadata, the
 * `@billing/*` paths rewritten) into a temporary directory, and run with plain node, so that its
 * RSS is the service's, not an in-process compiler's. BENCH_SERVICE_RUNTIME=swc-node runs
 * main.ts through `node -r @swc-node/register` instead (about 120 MB more at start);
 * BENCH_SERVICE_DIR=<dir> runs a service compiled there before (as `compileService` lays it out,
 * kept afterwards), e.g. to try a change of the compiled code without touching the repository.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { round } from './numbers';

const REPO_ROOT = resolve(__dirname, '..', '..');
const MAIN = 'apps/billing-api/src/main.ts';
const START_TIMEOUT_MS = 30_000;

export interface BenchService {
  url: string;
  pid: number;
  /** How the service runs, for the report. */
  runtime: string;
  /** Stops the service (SIGTERM: requests in flight finish) and removes its compiled code. */
  stop(): Promise<void>;
}

/** The .ts and .json files of the service (specs, test fixtures and benchmarks left out). */
function serviceSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['testing', 'bench', 'node_modules'].includes(entry.name)) walk(path);
      } else if ((path.endsWith('.ts') && !/spec\.ts$/.test(path)) || path.endsWith('.json')) files.push(path);
    }
  };
  walk(join(REPO_ROOT, 'apps/billing-api/src'));
  for (const lib of readdirSync(join(REPO_ROOT, 'libs'))) walk(join(REPO_ROOT, 'libs', lib, 'src'));
  return files;
}

/** Compiles the service into a new temporary directory; answers it. */
export function compileService(): string {
  // Required here, not imported at the top: only the benchmark's process loads the compiler.
  const { transformFileSync } = require('@swc/core') as typeof import('@swc/core');
  const swcrc = JSON.parse(readFileSync(join(REPO_ROOT, '.swcrc'), 'utf8')) as { jsc: Record<string, unknown> };
  const options = { ...swcrc, swcrc: false, sourceMaps: false, jsc: { ...swcrc.jsc, baseUrl: REPO_ROOT } };
  const outDir = mkdtempSync(join(tmpdir(), 'bench-service-'));
  try {
    for (const file of serviceSources()) {
      if (file.endsWith('.json')) {
        // Imported by the code (resolveJsonModule), as tsc copies them into dist.
        const out = join(outDir, relative(REPO_ROOT, file));
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, readFileSync(file));
        continue;
      }
      const { code } = transformFileSync(file, { ...options, filename: file } as Parameters<typeof transformFileSync>[1]);
      const out = join(outDir, relative(REPO_ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, code);
    }
    return outDir;
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}

/** The heap bound `npm start` gives the service (package.json's start script), so the service measured here is the one that runs. */
function startHeapMb(): string {
  const start = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const heap = /--max-old-space-size=\$\{LEDGER_HEAP_MB:-(\d+)\}/.exec(start);
  if (!heap) throw new Error(`package.json's start script no longer sets the heap bound as --max-old-space-size=\${LEDGER_HEAP_MB:-N}: ${start}`);
  return heap[1];
}

/** Starts the service on `dataDir` with the bootstrap key `bootstrapKey`, answering once it listens. */
export async function startBenchService(dataDir: string, bootstrapKey: string): Promise<BenchService> {
  const hook = process.env.BENCH_SERVICE_RUNTIME === 'swc-node';
  const given = process.env.BENCH_SERVICE_DIR;
  const compiled = hook ? undefined : (given ?? compileService());
  const heapMb = process.env.LEDGER_HEAP_MB ?? startHeapMb();
  const argv = [
    `--max-old-space-size=${heapMb}`,
    ...(compiled ? [join(compiled, MAIN).replace(/\.ts$/, '.js')] : ['-r', '@swc-node/register', join(REPO_ROOT, MAIN)]),
  ];
  const runtime =
    (hook ? 'node -r @swc-node/register' : `plain node on the service precompiled with @swc/core (as npm start runs its build)${given ? ` in ${given}` : ''}`) +
    `, heap bound ${heapMb} MB`;
  const child = spawn(process.execPath, argv, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', LEDGER_DATA_DIR: dataDir, BILLING_BOOTSTRAP_KEY: bootstrapKey, NODE_PATH: join(REPO_ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const removeCompiled = () => compiled && !given && rmSync(compiled, { recursive: true, force: true });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const lines = createInterface({ input: child.stdout! });
  try {
    const port = await new Promise<number>((listening, failed) => {
      const watchdog = setTimeout(() => failed(new Error(`the service did not start within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
      void exited.then(() => failed(new Error(`the service stopped before it listened: ${stderr}`)));
      lines.on('line', (line) => {
        let entry: { msg?: string; port?: number };
        try {
          entry = JSON.parse(line);
        } catch {
          return;
        }
        if (entry.msg !== 'listening' || entry.port === undefined) return;
        clearTimeout(watchdog);
        listening(entry.port);
      });
    });
    return {
      url: `http://127.0.0.1:${port}`,
      pid: child.pid!,
      runtime,
      async stop() {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((later) => setTimeout(later, 15_000))]);
        child.kill('SIGKILL');
        removeCompiled();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    removeCompiled();
    throw error;
  }
}

/** A process's resident memory now and its high-water mark, in MiB (Linux: /proc). */
export function processMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 1), peakMb: round(kb('VmHWM') / 1024, 1) };
}

/** Resets a process's high-water mark to its RSS now (Linux: `/proc/<pid>/clear_refs`), so that the next peak is of what follows. */
export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
