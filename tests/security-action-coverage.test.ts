// The role × action table (tests/helpers/action-table/) must call every server action and every
// route handler the app exports: they are found in the source here, not listed by hand, so a new
// action or route without an entry fails `npm test`, naming it.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ACTION_TABLE } from './helpers/action-table';

const ROOT = process.cwd();
/** Where server code lives (tests, e2e and scripts are not served). */
const SOURCE_DIRS = ['app', 'components', 'lib', 'db'];
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const isUseServer = (s: ts.Statement) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === 'use server';

/** Directive prologues: the string statements a file or function body starts with. */
function prologue(statements: ts.NodeArray<ts.Statement>): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const s of statements) {
    if (!(ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression))) break;
    out.push(s);
  }
  return out;
}

/** Whether the file is a server-action module, and the functions that declare 'use server' inside their body. */
function serverDirectives(file: string): { module: boolean; inline: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const inline: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body) && prologue(node.body.statements).some(isUseServer)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      inline.push(`${file}:${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return { module: prologue(source.statements).some(isUseServer), inline };
}

type Found = { where: string; kind: 'server action' | 'route'; fn: unknown; method?: string };

async function exported(): Promise<{ found: Found[]; inline: string[] }> {
  const found: Found[] = [];
  const inline: string[] = [];
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const directives = serverDirectives(file);
    inline.push(...directives.inline);
    const isRoute = file.startsWith(`app${path.sep}`) && /^route\.tsx?$/.test(path.basename(file));
    if (!directives.module && !isRoute) continue;
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      if (directives.module) found.push({ where: `${file} → ${name}`, kind: 'server action', fn: value });
      else if ((HTTP_METHODS as readonly string[]).includes(name)) found.push({ where: `${file} → ${name}`, kind: 'route', fn: value, method: name });
    }
  }
  return { found, inline };
}

function covered(f: Found): boolean {
  return ACTION_TABLE.some((entry) =>
    'route' in entry ? f.kind === 'route' && entry.route.handler === f.fn && entry.route.method === f.method : f.kind === 'server action' && (entry.serverAction ?? entry.action) === f.fn,
  );
}

describe('the role × action table', () => {
  it('has an entry for every exported server action and route method of the app', async () => {
    const { found, inline } = await exported();
    // What the app has today, so a broken scan cannot pass by finding nothing.
    expect(found.filter((f) => f.kind === 'server action').length).toBeGreaterThanOrEqual(28);
    expect(found.filter((f) => f.kind === 'route').map((f) => f.where)).toEqual(
      expect.arrayContaining([path.join('app', 'api', 'admin', 'backup', 'route.ts') + ' → POST', path.join('app', 'api', 'auth', '[...all]', 'route.ts') + ' → GET']),
    );
    const missing = found.filter((f) => !covered(f)).map((f) => `${f.kind} ${f.where}: add it to tests/helpers/action-table/`);
    // A 'use server' inside a function makes an action the table cannot reach: keep actions in their own files.
    const unreachable = inline.map((where) => `inline 'use server' at ${where}: move the action to an actions file`);
    expect([...missing, ...unreachable]).toEqual([]);
  });
});
