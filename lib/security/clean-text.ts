/**
 * Form text as PostgreSQL can store it: NUL and other control characters removed (tab, newline
 * and carriage return kept), lone surrogates replaced by U+FFFD. PostgreSQL rejects NUL in text
 * outright, so without this a stray byte in any field would be a 500 instead of a validation message.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function cleanText(value: string): string {
  const wellFormed = (value as string & { toWellFormed?: () => string }).toWellFormed?.() ?? value;
  return wellFormed.replace(CONTROL, '');
}

/**
 * An uploaded CSV as text to parse, or why it is refused. A NUL byte means the file is not UTF-8 text
 * (a spreadsheet saved as "Unicode text" is UTF-16, with a NUL after every Latin letter): removing the
 * NULs would import garbage, so the whole file is refused with what to do instead. Other control
 * characters are removed from the cells as in forms.
 */
export function csvText(text: string): { text: string; error?: undefined } | { text?: undefined; error: string } {
  if (text.includes('\u0000'))
    return { error: 'The file contains NUL bytes, so it is not UTF-8 text (a spreadsheet saved as “Unicode text” or UTF-16 looks like this). Save it as “CSV UTF-8” and try again.' };
  return { text: cleanText(text) };
}

/** A request's query string with every value cleaned as form text is (a URL can carry %00). */
export function cleanSearchParams(url: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of new URL(url).searchParams) out.append(cleanText(k), cleanText(v));
  return out;
}
