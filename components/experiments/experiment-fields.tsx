import type { ExperimentFieldName } from '@/lib/validation/experiment';
import { SelectField, TextAreaField, TextField } from './text-field';

/**
 * The experiment form's fields, with `name` typed as one of EXPERIMENT_FIELDS (lib/validation/experiment.ts): a
 * misspelt or unknown field name fails type-checking instead of silently never reaching the schema.
 */
type Named<P> = Omit<P, 'name'> & { name: ExperimentFieldName };

export const ExperimentTextField = TextField as (props: Named<Parameters<typeof TextField>[0]>) => ReturnType<typeof TextField>;
export const ExperimentTextAreaField = TextAreaField as (props: Named<Parameters<typeof TextAreaField>[0]>) => ReturnType<typeof TextAreaField>;
export const ExperimentSelectField = SelectField as (props: Named<Parameters<typeof SelectField>[0]>) => ReturnType<typeof SelectField>;

/** For the form's own inputs (radios, checkboxes, hidden fields): the name, checked. */
export const fieldName = (name: ExperimentFieldName): ExperimentFieldName => name;
