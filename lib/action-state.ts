import type { z } from 'zod';
import { cleanText } from '@/lib/security/clean-text';

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
    if (typeof v === 'string' && !omit.includes(k) && !k.startsWith('$ACTION')) out[k] = out[k] ? `${out[k]}\n${cleanText(v)}` : cleanText(v);
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

/**
 * A refused form: its field errors, what was typed, and the form-wide message (an issue with no field,
 * e.g. "a check-in with only a date records nothing") as the form's error.
 */
export function refused(error: z.ZodError, formData: FormData): ActionState {
  const { _form, ...fieldErrors } = fieldErrorsOf(error);
  return { ...(_form ? { error: _form.join(' ') } : {}), fieldErrors, values: formValues(formData) };
}

/**
 * FormData → plain object, without Next's internal $ACTION fields. Unknown keys are kept so strict
 * schemas reject them; files where text is expected are dropped (the schema then reports the field
 * missing); control characters are removed (see cleanText). Prototype keys cannot pollute: the
 * object has no prototype.
 */
export function formObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of formData.entries()) {
    if (k.startsWith('$ACTION') || typeof v !== 'string') continue;
    out[cleanText(k)] = cleanText(v);
  }
  return out;
}

/** The named text fields of a form (missing or file → ''), cleaned like formObject. */
export function formFields(formData: FormData, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => {
    const v = formData.get(k);
    return [k, typeof v === 'string' ? cleanText(v) : ''];
  }));
}

/** What a form action does with a form its schema refuses. */
export type OnInvalid = (error: z.ZodError, formData: FormData) => ActionState;

/** Each field's messages under it, and what was typed. */
export const markFields: OnInvalid = (error, formData) => ({ fieldErrors: fieldErrorsOf(error), values: formValues(formData) });

/** One message for the whole form (a form of hidden fields only: nothing to mark). */
export const answer = (message: string): OnInvalid => () => ({ error: message });

/** A form's schema, and optionally what to answer when it refuses the form and what it reads. */
export type FormSpec<T> = { schema: z.ZodType<T>; invalid?: OnInvalid; input?: unknown };

/**
 * Validates a form with its shared zod schema and runs `run` on the data, or returns the refusal (by
 * default each field's messages, markFields). The caller checks permission on its own first line, before
 * this: `const user = await requirePermission(…)`. `input` is what the schema reads (default: the form's
 * text fields, formObject).
 */
export async function withValidForm<T>(
  formData: FormData,
  spec: z.ZodType<T> | FormSpec<T>,
  run: (data: T) => Promise<ActionState>,
): Promise<ActionState> {
  const { schema, invalid = markFields, input = formObject(formData) } = 'schema' in spec ? spec : { schema: spec };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, formData);
  return run(parsed.data);
}

/** A write refused by its query (db/queries WriteResult): the message, the field it names, what was typed. */
export function writeRefused(result: { message: string; field?: string }, formData?: FormData): ActionState {
  return {
    ...(result.field ? { fieldErrors: { [result.field]: [result.message] } } : {}),
    error: result.message,
    ...(formData ? { values: formValues(formData) } : {}),
  };
}
