import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
}

const RULES: Rule[] = [
  { lib: 'libs/billing-domain', allowed: ['decimal.js'] },
  { lib: 'libs/event-store', allowed: ['better-sqlite3', '@eventstore/db-client', 'node:'] },
  // node:worker_threads and node:path: the projections may run in a worker thread of their own.
  { lib: 'libs/projections', allowed: ['better-sqlite3', '@billing/event-store', '@billing/domain', 'node:worker_threads', 'node:path'] },
];

function allowed(specifier: string, rule: Rule): boolean {
  return rule.allowed.some((a) => specifier === a || (a.endsWith(':') || a.endsWith('/') ? specifier.startsWith(a) : specifier.startsWith(`${a}/`)));
}

describe('architecture: dependency rules', () => {
  for (const rule of RULES) {
    it(`${rule.lib} imports only ${rule.allowed.join(', ')} (and itself)`, () => {
      const violations: string[] = [];
      const libRoot = join(root, rule.lib);
      for (const file of sourceFiles(join(libRoot, 'src')).filter((f) => !isTest(f))) {
        for (const specifier of importsOf(file)) {
          if (specifier.startsWith('.')) {
            const target = join(file, '..', specifier);
            if (relative(libRoot, target).startsWith('..')) violations.push(`${relative(root, file)} → ${specifier} (outside the library)`);
          } else if (!allowed(specifier, rule)) violations.push(`${relative(root, file)} → ${specifier}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('the checker sees a forbidden import (it can fail)', () => {
    const rule = RULES[0];
    expect(allowed('@nestjs/common', rule)).toBe(false);
    expect(allowed('better-sqlite3', rule)).toBe(false);
    expect(allowed('node:fs', rule)).toBe(false);
    expect(allowed('decimal.js', rule)).toBe(true);
    expect(importsOf(join(__dirname, 'support/test-app.ts'))).toContain('@billing/domain');
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
    expect(aliasedDynamicImports("const { connectEsdb } = await import('@billing/event-store/esdb/esdb-event-store');")).toEqual(['@billing/event-store/esdb/esdb-event-store']);
    expect(aliasedDynamicImports("await import('./esdb/esdb-event-store')")).toEqual([]);
  });
});
