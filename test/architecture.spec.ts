import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The dependency rules of docs/architecture.md, checked mechanically on every test run:
 * the domain knows no framework and no I/O; the event store is generic infrastructure;
 * projections see only the port and the domain; no library imports the app.
 */
const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

const isTest = (file: string) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file) || file.includes('/testing/') || file.includes('/bench/');

interface Rule {
  lib: string;
  /** Allowed non-relative imports (exact names or prefixes ending in '/'). */
  allowed: string[];
  /** The rule holds for the library's benchmarks too. */
  benchToo?: boolean;
}

const RULES: Rule[] = [
  { lib: 'libs/billing-domain', allowed: ['decimal.js'] },
  // The store is generic infrastructure: no billing word, no projections (its benchmark included).
  { lib: 'libs/event-store', allowed: ['better-sqlite3', '@eventstore/db-client', 'node:'], benchToo: true },
  // node:worker_threads and node:path: the projections may run in a worker thread of their own.
  { lib: 'libs/projections', allowed: ['better-sqlite3', '@billing/event-store', '@billing/domain', 'node:worker_threads', 'node:path'] },
];

/** The benchmarks' shared helpers know nothing of the ledger: Node, and the compiler their child processes are built with. */
const BENCH_SUPPORT_ALLOWED = ['node:', '@swc/core'];

function allowed(specifier: string, rule: Rule): boolean {
  return rule.allowed.some((a) => specifier === a || (a.endsWith(':') || a.endsWith('/') ? specifier.startsWith(a) : specifier.startsWith(`${a}/`)));
}

describe('architecture: dependency rules', () => {
  for (const rule of RULES) {
    it(`${rule.lib} imports only ${rule.allowed.join(', ')} (and itself)`, () => {
      const violations: string[] = [];
      const libRoot = join(root, rule.lib);
      const bench = join(libRoot, 'bench');
      const files = [...sourceFiles(join(libRoot, 'src')).filter((f) => !isTest(f)), ...(rule.benchToo && existsSync(bench) ? sourceFiles(bench) : [])];
      for (const file of files) {
        for (const specifier of importsOf(file)) {
          if (specifier.startsWith('.')) {
            const target = join(file, '..', specifier);
            const benchSupport = file.startsWith(bench) && !relative(join(root, 'bench/support'), target).startsWith('..');
            if (relative(libRoot, target).startsWith('..') && !benchSupport) violations.push(`${relative(root, file)} → ${specifier} (outside the library)`);
          } else if (!allowed(specifier, rule)) violations.push(`${relative(root, file)} → ${specifier}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('bench/support imports only Node and the compiler, nothing of the ledger', () => {
    const dir = join(root, 'bench/support');
    const violations = sourceFiles(dir).flatMap((file) =>
      importsOf(file)
        .filter((s) => (s.startsWith('.') ? relative(dir, join(file, '..', s)).startsWith('..') : !BENCH_SUPPORT_ALLOWED.some((a) => s.startsWith(a))))
        .map((s) => `${relative(root, file)} → ${s}`),
    );
    expect(violations).toEqual([]);
  });

  it('the checker sees a forbidden import (it can fail)', () => {
    const rule = RULES[0];
    expect(allowed('@nestjs/common', rule)).toBe(false);
    expect(allowed('better-sqlite3', rule)).toBe(false);
    expect(allowed('node:fs', rule)).toBe(false);
    expect(allowed('decimal.js', rule)).toBe(true);
    expect(importsOf(join(__dirname, 'support/test-app.ts'))).toContain('@billing/domain');
  });

  it('the checker sees a store library that imports projections, by alias or by path (it can fail)', () => {
    const store = RULES.find((r) => r.lib === 'libs/event-store')!;
    expect(allowed('@billing/projections', store)).toBe(false);
    expect(relative(join(root, store.lib), join(root, 'libs/event-store/bench', '../../projections/src/runner/projection-runner')).startsWith('..')).toBe(true);
  });
});

const ALIASES: Record<string, string> = {
  '@billing/domain': 'libs/billing-domain/src',
  '@billing/event-store': 'libs/event-store/src',
  '@billing/projections': 'libs/projections/src',
};

/** The file an import names, or undefined for a package. */
function resolveImport(from: string, specifier: string): string | undefined {
  const alias = Object.keys(ALIASES).find((a) => specifier === a || specifier.startsWith(`${a}/`));
  const base = alias ? join(root, ALIASES[alias], specifier.slice(alias.length)) : specifier.startsWith('.') ? join(dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Every import cycle among the files, each as the files around it, by Tarjan's strongly connected components. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
    }
    if (low.get(node) !== indexOf.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return cycles;
}

describe('architecture: no import cycles', () => {
  it('no file of the service or the libraries imports itself back through others', () => {
    const files = ['apps', 'libs'].flatMap((dir) => sourceFiles(join(root, dir))).filter((f) => !isTest(f));
    const graph = new Map(files.map((file) => [file, importsOf(file).flatMap((s) => resolveImport(file, s) ?? [])]));
    expect(importCycles(graph).map((cycle) => cycle.map((f) => relative(root, f)))).toEqual([]);
  });

  it('the check sees a cycle, a self-import and an alias back into a library (it can fail)', () => {
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(importCycles(new Map([['a', ['a']]]))).toEqual([['a']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
    expect(resolveImport(join(root, 'apps/billing-api/src/main.ts'), '@billing/domain')).toBe(join(root, 'libs/billing-domain/src/index.ts'));
    expect(resolveImport(join(root, 'libs/billing-domain/src/index.ts'), './shared')).toBe(join(root, 'libs/billing-domain/src/shared/index.ts'));
    expect(resolveImport(join(root, 'apps/billing-api/src/main.ts'), 'decimal.js')).toBeUndefined();
  });
});

/** Dynamic imports and requires that name a `@billing/*` alias: the build leaves them unresolvable in `dist`. */
function aliasedDynamicImports(source: string): string[] {
  return [...source.matchAll(/\b(?:import|require)\(\s*['"](@billing\/[^'"]+)['"]\s*\)/g)].map((m) => m[1]);
}

describe('architecture: what the build can resolve', () => {
  it('no service or library code loads a @billing/* alias dynamically (nest build rewrites only static imports)', () => {
    const files = ['apps', 'libs'].flatMap((dir) => sourceFiles(join(root, dir))).filter((f) => !isTest(f));
    const found = files.flatMap((file) => aliasedDynamicImports(readFileSync(file, 'utf8')).map((alias) => `${relative(root, file)} → ${alias}`));
    expect(found).toEqual([]);
  });

  it('the check sees an aliased dynamic import (it can fail)', () => {
    expect(aliasedDynamicImports("const { connectEsdb } = await import('@billing/event-store/esdb/esdb-event-store');")).toEqual([
      '@billing/event-store/esdb/esdb-event-store',
    ]);
    expect(aliasedDynamicImports("await import('./esdb/esdb-event-store')")).toEqual([]);
  });
});
