import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Finds the English sentences that server code hands to forms (zod messages, WriteResult refusals, action
 * answers), so tests/server-text.test.ts can require a Korean entry for each in messages/ko/server-text.json.
 * Found by shape, not by position: any string or template literal in those files that reads as a sentence
 * (a space, a capital, digit, quote or placeholder first, . ? ! last) — so a message in a new kind of place
 * is found too. A template's `${expr}` becomes a `{name}` placeholder (see placeholderName).
 */

const ROOT = join(__dirname, '..', '..');

/**
 * Not form messages, though they read as sentences: the import help table is page text (the experiments
 * area renders it), and alert titles and bodies are written to the database when an alert is raised.
 */
const NOT_FORM_TEXT = ['lib/validation/import-help.ts', 'db/queries/alerts/detect.ts'];

/** The zod field builders of lib/validation/experiment-fields.ts (and local wrappers) whose label argument reaches a message. */
const LABEL_ARGUMENT: Record<string, number> = {
  text: 0, requiredText: 0, optionalNumber: 0, requiredNumber: 0, optionalDate: 0, requiredDate: 0, quality: 0, money: 0, enumOf: 1, notSetOr: 1,
};
/** enumOf says "Choose a {label} from the list." with the label in lower case. */
const LOWER_CASED_LABEL = new Set(['enumOf', 'notSetOr']);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * The files whose messages reach forms: schemas, queries, server actions, the action-state helpers, the usage
 * parsers (UsageParseError sentences the usage import hands to its upload form), the webhook URL check, and the
 * mail settings check /admin shows.
 */
export function serverTextFiles(): string[] {
  const files = [
    ...walk(join(ROOT, 'lib/validation')),
    ...walk(join(ROOT, 'db/queries')),
    ...walk(join(ROOT, 'app')).filter((f) => /[\\/](actions|[^\\/]*-actions)\.ts$/.test(f)),
    join(ROOT, 'lib/action-state.ts'),
    ...walk(join(ROOT, 'lib/usage/sources')),
    join(ROOT, 'lib/usage/csv-stream.ts'),
    join(ROOT, 'lib/usage/read-stream.ts'),
    join(ROOT, 'lib/usage/validate.ts'),
    join(ROOT, 'lib/webhooks/target.ts'),
    join(ROOT, 'lib/webhooks/address.ts'),
    join(ROOT, 'lib/mail/smtp-config.ts'),
  ];
  return files.filter((f) => f.endsWith('.ts') && !NOT_FORM_TEXT.includes(relative(ROOT, f).split('\\').join('/')));
}

const FORMATTING_CALL = /\.(toLocaleString|toLowerCase|toUpperCase|toString|toFixed|trim)\([^)]*\)$/;

/**
 * The placeholder a template's `${expr}` becomes: the last name of a plain property path (`opts.min` → min,
 * `max.toLocaleString('en-US')` → max, `list.length` → listCount), `plural` for an English plural ending
 * (`n === 1 ? '' : 's'`), else value. Repeats in one sentence get 2, 3… so each is its own placeholder.
 */
export function placeholderName(expression: string): string {
  let e = expression.replace(/\s+/g, ' ').trim();
  while (FORMATTING_CALL.test(e)) e = e.replace(FORMATTING_CALL, '');
  if (/^[\w.]+ === 1 \? '' : '\w+'$/.test(e)) return 'plural';
  const path = e.match(/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/);
  if (!path) return 'value';
  const parts = e.split('.');
  const last = parts[parts.length - 1];
  return last === 'length' && parts.length > 1 ? `${parts[parts.length - 2]}Count` : last;
}

/**
 * Where a message is part of a sentence, not one: the URL check's reasons (noun phrases completing "it is …"),
 * every literal with a space in the file; and a rejected model-import row's reasons (lower case, shown joined by
 * "; "), every literal pushed onto `reasons`.
 */
const FRAGMENT_FILES = ['lib/webhooks/address.ts'];
const REASON_LIST = /(^|\.)reasons\.push$/;

/** Whether a literal is (one branch of) the argument of reasons.push(…). */
function isPushedReason(node: ts.Node, sf: ts.SourceFile): boolean {
  let n = node;
  while (ts.isConditionalExpression(n.parent) || ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return ts.isCallExpression(n.parent) && REASON_LIST.test(n.parent.expression.getText(sf)) && n.parent.arguments.includes(n as ts.Expression);
}

const SENTENCE = /^[A-Z0-9"“{(]/;

function isSentence(text: string): boolean {
  return text.includes(' ') && !text.includes('\n') && SENTENCE.test(text) && /[.?!]$/.test(text);
}

function templateText(node: ts.TemplateExpression, sf: ts.SourceFile): string {
  const used = new Map<string, number>();
  let out = node.head.text;
  for (const span of node.templateSpans) {
    const base = placeholderName(span.expression.getText(sf));
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    out += `{${n === 1 ? base : `${base}${n}`}}${span.literal.text}`;
  }
  return out;
}

export type ExtractedText = { text: string; where: string; kind: 'message' | 'label' };

/** Every message and field label in one file, with where it is (path:line). */
export function extractFromFile(file: string): ExtractedText[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const fragments = FRAGMENT_FILES.includes(relative(ROOT, file).split('\\').join('/'));
  const found: ExtractedText[] = [];
  const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return; // SQL, module names
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = ts.isTemplateExpression(node) ? templateText(node, sf) : node.text;
      const fragment = (fragments && text.includes(' ')) || isPushedReason(node, sf);
      if (isSentence(text) || fragment) found.push({ text, where: where(node), kind: 'message' });
      if (ts.isTemplateExpression(node)) return; // a nested template is part of this one's placeholder
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text in LABEL_ARGUMENT) {
      const arg = node.arguments[LABEL_ARGUMENT[node.expression.text]];
      if (arg && ts.isStringLiteral(arg)) {
        const label = LOWER_CASED_LABEL.has(node.expression.text) ? arg.text.toLowerCase() : arg.text;
        found.push({ text: label, where: where(arg), kind: 'label' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every message and label the server hands to forms, once each (the first place it is written). */
export function extractServerTexts(): ExtractedText[] {
  const byText = new Map<string, ExtractedText>();
  for (const file of serverTextFiles()) for (const t of extractFromFile(file)) if (!byText.has(t.text)) byText.set(t.text, t);
  return [...byText.values()];
}
