import type { z } from 'zod';

/** What every server action returns to its form: a message, field errors, and what the user typed. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
};

export const initialState: ActionState = {};

/** The form's text values, to refill the form after an error (never the passwords). */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === 'string' && !omit.includes(k) && !k.startsWith('$ACTION')) out[k] = out[k] ? `${out[k]}\n${v}` : v;
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.code === 'unrecognized_keys' ? `Unexpected field(s): ${issue.keys.join(', ')}.` : issue.message);
  }
  return out;
}

/** FormData → plain object, without Next's internal $ACTION fields. */
export function formObject(formData: FormData, keys?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (k.startsWith('$ACTION') || typeof v !== 'string') continue;
    if (keys && !keys.includes(k)) {
      out[k] = v; // kept so strict schemas can reject unknown keys
      continue;
    }
    out[k] = v;
  }
  return out;
}
