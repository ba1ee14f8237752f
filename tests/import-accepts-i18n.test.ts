import { describe, expect, it } from 'vitest';
import { acceptsKey } from '@/components/experiments/import-accepts';
import { translatorFor } from '@/i18n/translator';
import { IMPORT_COLUMN_HELP } from '@/lib/validation/import-help';

describe('what each import column accepts, in the reader’s language', () => {
  it('says in English exactly what the import help says, for every column', () => {
    const t = translatorFor('en', 'experiments');
    for (const c of IMPORT_COLUMN_HELP) expect(t(`import.acceptsColumn.${acceptsKey(c.column)}`), c.column).toBe(c.accepts);
  });

  it('has a Korean sentence for every column', () => {
    const t = translatorFor('ko', 'experiments');
    for (const c of IMPORT_COLUMN_HELP) expect(t(`import.acceptsColumn.${acceptsKey(c.column)}`), c.column).toMatch(/[가-힣]/);
  });
});
