import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// First-load JS budget: a 'use client' module ships with everything it imports, so zod (~40 kB gzip)
// and Recharts (~120 kB) must not be reachable from one through static, non-type imports. Lazy charts reach
// Recharts through next/dynamic's import(), which this walk (like the bundler's first-load graph) does not follow.
const root = process.cwd();
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) if (fs.existsSync(base + ext) && fs.statSync(base + ext).isFile()) return base + ext;
  return null;
}

/** The bare packages reachable from `file`, each with the chain of modules that reaches it. */
function packagesReachable(file: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (f: string, chain: string[]) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = fs.readFileSync(f, 'utf8');
    // A 'use server' module reaches the client only as a reference to call, never as code.
    if (/^\s*['"]use server['"]/.test(text)) return;
    for (const [, spec] of text.matchAll(IMPORT)) {
      const local = resolve(f, spec);
      if (local) walk(local, [...chain, path.relative(root, local)]);
      else if (!spec.startsWith('.') && !spec.startsWith('@/') && !found.has(spec)) found.set(spec, chain);
    }
  };
  walk(file, [path.relative(root, file)]);
  return found;
}

function clientModules(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(root, dir, f))
    .filter((f) => /^\s*['"]use client['"]/.test(fs.readFileSync(f, 'utf8')));
}

describe('client bundles', () => {
  const modules = [...clientModules('components'), ...clientModules('app')];

  it('finds the client components it checks', () => {
    expect(modules.length).toBeGreaterThan(20);
  });

  it('no client component reaches zod', () => {
    const offenders = modules.flatMap((m) => {
      const chain = [...packagesReachable(m)].find(([spec]) => spec === 'zod' || spec.startsWith('zod/'))?.[1];
      return chain ? [chain.join(' → ')] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('only *-plot.tsx files reach recharts statically', () => {
    const offenders = modules
      .filter((m) => !m.endsWith('-plot.tsx'))
      .flatMap((m) => {
        const chain = [...packagesReachable(m)].find(([spec]) => spec === 'recharts' || spec.startsWith('recharts/'))?.[1];
        return chain ? [chain.join(' → ')] : [];
      });
    expect(offenders).toEqual([]);
  });
});
