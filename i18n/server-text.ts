
/**
 * The English sentences that server actions and db/queries hand to forms (zod messages, refusals, "Team
 * added."), translated where they are shown, until the actions return message keys. The dictionary is
 * messages/<locale>/server-text.json: English sentence → translation, where `{name}` in a key stands for any
 * text and is put back into the translation by name. Whatever is not in it stays English, never empty.
 */

export type Dictionary = Record<string, string>;
type Pattern = { regex: RegExp; names: string[]; translation: string; literalLength: number };
export type CompiledDictionary = { exact: Map<string, string>; patterns: Pattern[] };

const PLACEHOLDER = /\{(\w+)\}/g;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each key once: exact sentences in a map; sentences with placeholders as anchored regexes, the most specific first. */
export function compileDictionary(dictionary: Dictionary): CompiledDictionary {
  const exact = new Map<string, string>();
  const patterns: Pattern[] = [];
  for (const [english, translation] of Object.entries(dictionary)) {
    const names = [...english.matchAll(PLACEHOLDER)].map((m) => m[1]);
    if (!names.length) {
      exact.set(english, translation);
      continue;
    }
    const literals = english.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
    const source = literals.map(escapeRegex).join('(.*?)');
    patterns.push({ regex: new RegExp(`^${source}$`, 's'), names, translation, literalLength: literals.join('').length });
  }
  // "Score {score} saved, replacing the earlier one." must win over "Score {score} saved{value}.".
  patterns.sort((a, b) => b.literalLength - a.literalLength);
  return { exact, patterns };
}

/** One sentence (or a run of them that is one key), or undefined when the dictionary does not know it. */
function lookUp(text: string, dictionary: CompiledDictionary): string | undefined {
  const exact = dictionary.exact.get(text);
  if (exact !== undefined) return exact;
  for (const p of dictionary.patterns) {
    const m = p.regex.exec(text);
    if (!m) continue;
    // A value that is itself a known sentence or label ("Hours saved" in "{label} must be a number.") is translated too.
    const values = new Map(p.names.map((name, i) => [name, translateWith(m[i + 1], dictionary)]));
    return p.translation.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
  }
  return undefined;
}

/** Sentence ends: after . ? ! and a space, before what starts a sentence (refused() joins form-wide issues with ' '). */
const SENTENCE_BREAK = /(?<=[.?!])\s+(?=[A-Z0-9"“{(])/;

function translateWith(text: string, dictionary: CompiledDictionary): string {
  const whole = lookUp(text, dictionary);
  if (whole !== undefined) return whole;
  const sentences = text.split(SENTENCE_BREAK);
  if (sentences.length < 2) return text;
  // From each sentence, the longest run that is one key ("Password changed. Your other sessions were signed out."), else it stays English.
  const out: string[] = [];
  let i = 0;
  while (i < sentences.length) {
    let end = sentences.length;
    let found: string | undefined;
    while (end > i && found === undefined) {
      found = end - i < sentences.length ? lookUp(sentences.slice(i, end).join(' '), dictionary) : undefined;
      if (found === undefined) end -= 1;
    }
    out.push(found ?? sentences[i]);
    i = found === undefined ? i + 1 : end;
  }
  return out.join(' ');
}

/** A server message through a compiled dictionary (see server-text-catalogs.ts for the languages' own). */
export function translateServerTextWith(text: string, dictionary: CompiledDictionary | undefined): string {
  if (!dictionary || !text) return text;
  return translateWith(text, dictionary);
}
