/*
 * Benchmarks that measure in child processes of themselves, one measurement per process, so that
 * peak RSS is per measurement and no run inherits another's heap or caches.
 *
 * A script calls `runBenchmark` with its measurements: run without arguments it is the parent,
 * which starts children with `Children.run`; run with a measurement's name (how the parent starts
 * it) it is a child, which measures that one thing and prints one `RESULT_PREFIX` line on stdout.
 *
 * By default the children do not run the TypeScript through a register hook: the script and every
 * source file it imports are compiled once to plain JavaScript (with @swc/core, into a temporary
 * directory that mirrors the repository) and the children run that with plain node, so their RSS
 * is the code's, not the in-process SWC compiler's (`-r @swc-node/register` alone adds ~70 MB).
 * The compilation follows relative imports and the `paths` aliases of the repository's
 * tsconfig.json, to `<name>.ts` or `<name>/index.ts`; packages are loaded from its node_modules.
 * BENCH_CHILD_RUNTIME=swc-node runs the children through the register hook instead.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fdatasyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { memorySince, startWorkerRssSampler, type Memory } from './memory';
import { measuredCpuSeconds } from './timing';

/** The repository: this file is in bench/support. */
const REPO_ROOT = resolve(__dirname, '..', '..');

/** Marks the line of a child's stdout that holds its result (JSON). */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** What a child is asked: work in `dir` on items [offset, offset + count), within `budgetMs` where the measurement has a time cap. */
export interface Task {
  dir: string;
  offset: number;
  count: number;
  budgetMs: number;
}

/** What a measurement did. */
export interface Measured {
  /** Events (items) handled: fewer than asked when a capped run ran out of time. */
  events: number;
  /** Operations that handled them, when that differs from events (appends of several events). */
  appends?: number;
  /** Wall time of the measured section. */
  seconds: number;
  /** Whether it did all it was asked. */
  complete: boolean;
}

/** One measurement, as a child runs it. Time its work with `timed` (timing.ts): the CPU report counts only that. */
export type Measurement = (task: Task) => Promise<Measured>;

/** What a child reports. */
export interface ChildResult extends Measured {
  /** CPU time of the measured (`timed`) sections: unlike wall time, it does not include waiting for fsync. */
  cpuSeconds: number;
  memory: Memory;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export interface Benchmark {
  /** The script's own file (`__filename`): the children run it. */
  script: string;
  /** Every measurement a child can be asked for, by name. */
  measurements: Readonly<Record<string, Measurement>>;
  /** The parent's work: runs children, prints the report. */
  parent: (children: Children) => Promise<void>;
}

/**
 * The parent or a child, by the arguments. The parent removes the compiled children and every
 * `tempDir` at the end, also when interrupted (SIGINT, SIGTERM). A failure ends the process with
 * code 1 and the error on stderr.
 */
export function runBenchmark(benchmark: Benchmark): void {
  const [measurement, dir, offset, count, budgetMs] = process.argv.slice(2);
  const run = measurement
    ? measureInChild(benchmark.measurements, measurement, { dir, offset: Number(offset), count: Number(count), budgetMs: Number(budgetMs) })
    : runParent(benchmark);
  run.catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

async function runParent({ script, parent }: Benchmark): Promise<void> {
  // Progress is a courtesy: a closed stderr (`… 2>&1 | head`) must not end the run before it cleans up.
  process.stderr.on('error', () => undefined);
  const children = Children.prepare(script);
  const interrupted = (signal: NodeJS.Signals) => {
    children.dispose();
    removeTempDirs();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    await parent(children);
  } finally {
    children.dispose();
    removeTempDirs();
  }
}

async function measureInChild(measurements: Readonly<Record<string, Measurement>>, name: string, task: Task): Promise<void> {
  const measure = Object.hasOwn(measurements, name) ? measurements[name] : undefined;
  if (!measure) throw new Error(`no measurement named ${name}`);
  const sampler = startWorkerRssSampler();
  await new Promise((r) => setTimeout(r, 20)); // let the sampler start
  const baseline = process.memoryUsage.rss();
  const measured = await measure(task);
  const sampledPeak = await sampler.stop();
  const result: ChildResult = { ...measured, cpuSeconds: measuredCpuSeconds(), memory: memorySince(baseline, sampledPeak) };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side
// ---------------------------------------------------------------------------------------------

/** How the children run: `node <argv> <measurement> <task…>` with `env` added. */
interface ChildRuntime {
  argv: string[];
  env: Record<string, string>;
  description: string;
  dispose: () => void;
}

/** The parent's way to run measurements in children. */
export class Children {
  private constructor(private readonly runtime: ChildRuntime) {}

  /** Compiles `script` and what it imports for the children (unless BENCH_CHILD_RUNTIME=swc-node). */
  static prepare(script: string): Children {
    return new Children(process.env.BENCH_CHILD_RUNTIME === 'swc-node' ? registerHookRuntime(script) : precompiledRuntime(script));
  }

  /** How the children run, for the report. */
  get description(): string {
    return this.runtime.description;
  }

  /** Runs the measurement `name` in a new child process; its stderr is this process's. */
  run(name: string, task: Task): Promise<ChildResult> {
    return new Promise((resolvePromise, reject) => {
      const args = [name, task.dir, String(task.offset), String(task.count), String(task.budgetMs)];
      const proc = spawn(process.execPath, [...this.runtime.argv, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...this.runtime.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      proc.stdout.setEncoding('utf8');
      proc.stdout.on('data', (chunk: string) => (out += chunk));
      proc.on('error', reject);
      proc.on('close', (code, signal) => {
        const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
        if (code !== 0 || !line) return reject(new Error(`${name} failed (code ${code}, signal ${signal}): ${out.trim()}`));
        resolvePromise(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
      });
    });
  }

  /**
   * Runs the measurement `name` on a fresh copy of `file` (same name, in a new temporary directory,
   * the task's `dir`), flushed to disk first so that no write-back of the copy competes with the
   * measurement; the copy is deleted afterwards.
   */
  async runOnCopy(name: string, file: string, task: Omit<Task, 'dir'>): Promise<ChildResult> {
    const dir = tempDir(name);
    try {
      const copy = join(dir, basename(file));
      copyFileSync(file, copy);
      syncFile(copy);
      return await this.run(name, { ...task, dir });
    } finally {
      removeTempDir(dir);
    }
  }

  /** Removes the compiled children. */
  dispose(): void {
    this.runtime.dispose();
  }
}

function registerHookRuntime(script: string): ChildRuntime {
  return {
    argv: ['-r', '@swc-node/register', script],
    env: {},
    description: 'node -r @swc-node/register (the SWC compiler is in each measured process)',
    dispose: () => undefined,
  };
}

function precompiledRuntime(script: string): ChildRuntime {
  // Required here, not imported at the top: the children must not load the compiler.
  const { transformFileSync } = require('@swc/core') as typeof import('@swc/core');
  const aliases = tsconfigAliases(REPO_ROOT);
  const outDir = mkdtempSync(join(tmpdir(), 'bench-js-'));
  const outputOf = (file: string) => {
    const inRepo = relative(REPO_ROOT, file);
    if (inRepo.startsWith('..')) throw new Error(`${file} is outside the repository ${REPO_ROOT}`);
    return join(outDir, inRepo);
  };
  try {
    const pending = [resolve(script)];
    const done = new Set<string>();
    while (pending.length) {
      const file = pending.pop()!;
      if (done.has(file)) continue;
      done.add(file);
      const out = outputOf(file);
      mkdirSync(dirname(out), { recursive: true });
      if (!file.endsWith('.ts')) {
        copyFileSync(file, out); // e.g. a .json
        continue;
      }
      const { code } = transformFileSync(file, {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', keepClassNames: true },
        module: { type: 'commonjs' },
      });
      // Every require of a source file: followed, and an alias rewritten to the relative path (the output mirrors the sources).
      const rewritten = code.replace(/\brequire\((["'])([^"'\n]+)\1\)/g, (call: string, quote: string, specifier: string) => {
        const source = sourceOf(specifier, file, aliases);
        if (source === undefined) return call; // a package or a node: builtin
        pending.push(source);
        if (specifier.startsWith('.')) return call;
        const path = relative(dirname(file), source).replace(/\.ts$/, '');
        return `require(${quote}${path.startsWith('.') ? path : `./${path}`}${quote})`;
      });
      writeFileSync(out.replace(/\.ts$/, '.js'), rewritten);
    }
    return {
      argv: [outputOf(resolve(script)).replace(/\.ts$/, '.js')],
      env: { NODE_PATH: join(REPO_ROOT, 'node_modules') },
      description: `plain node on this script and its imports precompiled with @swc/core (${done.size} files)`,
      dispose: () => rmSync(outDir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}

/** A `paths` entry of tsconfig.json: `@scope/name` or `@scope/name/*`, to paths from `baseUrl`. */
interface PathAlias {
  prefix: string;
  wildcard: boolean;
  targets: string[];
}

function tsconfigAliases(root: string): PathAlias[] {
  const file = join(root, 'tsconfig.json');
  if (!existsSync(file)) return [];
  let config: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as typeof config;
  } catch (error) {
    throw new Error(`cannot read the paths of ${file} (plain JSON expected): ${(error as Error).message}`);
  }
  const baseUrl = resolve(root, config.compilerOptions?.baseUrl ?? '.');
  return Object.entries(config.compilerOptions?.paths ?? {})
    .map(([pattern, targets]) => ({
      prefix: pattern.replace(/\*$/, ''),
      wildcard: pattern.endsWith('*'),
      targets: targets.map((target) => resolve(baseUrl, target)),
    }))
    .sort((a, b) => b.prefix.length - a.prefix.length); // the longest prefix wins, as in TypeScript
}

/**
 * The source file that `specifier`, required by `from`, names; undefined for a package. A relative
 * or aliased specifier that names no file is an error, reported now rather than in a child.
 */
function sourceOf(specifier: string, from: string, aliases: readonly PathAlias[]): string | undefined {
  let bases: string[];
  if (specifier.startsWith('./') || specifier.startsWith('../')) bases = [resolve(dirname(from), specifier)];
  else {
    const alias = aliases.find((a) => (a.wildcard ? specifier.startsWith(a.prefix) : specifier === a.prefix));
    if (!alias) return undefined;
    const rest = specifier.slice(alias.prefix.length);
    bases = alias.targets.map((target) => (alias.wildcard ? target.replace(/\*$/, rest) : target));
  }
  for (const base of bases) {
    const candidates = [`${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts'), base];
    const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (found) return found;
  }
  throw new Error(`cannot find the source of ${specifier} imported by ${from}`);
}

// ---------------------------------------------------------------------------------------------
// Temporary directories
// ---------------------------------------------------------------------------------------------

/** Every temporary directory made and not yet removed, so that an interrupted run still deletes them. */
const tempDirs = new Set<string>();

/** A new temporary directory, removed by `removeTempDir`, or at the latest when the benchmark ends. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function syncFile(filename: string): void {
  const fd = openSync(filename, 'r+');
  fdatasyncSync(fd);
  closeSync(fd);
}
