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
