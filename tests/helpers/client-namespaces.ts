/**
 * The catalog namespaces the browser needs: every `useTranslations('<ns>')` in a module that renders in the browser,
 * i.e. a 'use client' file or anything one imports (transitively, through `@/` and relative imports). A namespace
 * built with a template (`experiments.${name}`) counts as its static prefix.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const EXTENSIONS = ['.tsx', '.ts', '/index.tsx', '/index.ts'];

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null; // a package
  if (/\.tsx?$/.test(base) && fs.existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null; // CSS, JSON and the like
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Type-only imports do not bring code to the browser. */
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const HOOK = /useTranslations\(\s*(?:'([^']+)'|`([^`$]*))/g;

export function clientNamespaces(roots = ['app', 'components']): { namespaces: string[]; files: string[] } {
  const entry = roots.flatMap((r) => sources(path.join(ROOT, r))).filter((f) => /^\s*['"]use client['"]/.test(fs.readFileSync(f, 'utf8')));
  const seen = new Set<string>(entry);
  const queue = [...entry];
  const namespaces = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(HOOK)) namespaces.add((m[1] ?? m[2]).replace(/\.$/, ''));
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(file, m[1]);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { namespaces: [...namespaces].sort(), files: [...seen].map((f) => path.relative(ROOT, f)).sort() };
}
