import { useTranslations } from 'next-intl';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { IMPORT_COLUMN_HELP } from '@/lib/validation/import-help';
import { acceptsKey } from './import-accepts';

/** What every column of the import accepts, with the codes and labels of the coded columns and an example each. */
export function ImportColumns() {
  const t = useTranslations('experiments.import');
  return (
    <Card>
      <CardHeader title={t('columnsTitle')} description={t('columnsHint')} />
      <Table aria-label={t('columnsLabel')}>
          <thead>
            <tr>
              <Th>{t('column')}</Th>
              <Th>{t('accepts')}</Th>
              <Th>{t('example')}</Th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMN_HELP.map((c) => (
              <tr key={c.column} data-testid={`import-column-${c.column}`}>
                <Td className="font-mono text-xs">{c.column}</Td>
                <Td>
                  {t(`acceptsColumn.${acceptsKey(c.column)}`)}
                  {c.values ? (
                    <ul className="mt-1 list-disc pl-5 text-xs">
                      {c.values.map((v) => (
                        <li key={v.key}>
                          <code>{v.key}</code> — {v.label}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Td>
                <Td className="wrap-anywhere text-xs">{c.example || '—'}</Td>
              </tr>
            ))}
          </tbody>
      </Table>
    </Card>
  );
}
