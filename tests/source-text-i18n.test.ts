import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { sourceWordsIn } from '@/components/models/source-words';
import { enteredBy, importedBy, sourceText } from '@/lib/sources';
import { MESSAGES } from '@/messages';

const words = (locale: 'en' | 'ko') => sourceWordsIn(createTranslator({ locale, messages: MESSAGES[locale], namespace: 'models' }));

describe('a value’s source as the catalog and the sync diff write it, in the reader’s language', () => {
  const values = ['litellm;modelsdev-sync', enteredBy('admin@example.test', '2026-11-02'), importedBy('admin@example.test', '2026-11-03'), null, 'some-paper'];
  it('English is what sourceText always wrote', () => {
    expect(values.map((v) => sourceText(v))).toEqual([
      'LiteLLM price map; models.dev (catalog sync)',
      'entered by admin@example.test on 2026-11-02',
      'imported by admin@example.test on 2026-11-03',
      'no source',
      'some-paper',
    ]);
    expect(values.map((v) => sourceText(v, words('en')))).toEqual(values.map((v) => sourceText(v)));
  });
  it('Korean says who entered or imported it and "no source" in Korean; cited names stay as cited', () => {
    expect(values.map((v) => sourceText(v, words('ko')))).toEqual([
      'LiteLLM price map; models.dev (catalog sync)',
      'admin@example.test 입력(2026-11-02)',
      'admin@example.test 가져옴(2026-11-03)',
      '출처 없음',
      'some-paper',
    ]);
  });
});
