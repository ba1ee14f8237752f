import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { IMPORT_COLUMN_HELP } from '@/lib/validation/import-help';

/** What every column of the import accepts, with the codes and labels of the coded columns and an example each. */
export function ImportColumns() {
  return (
    <Card>
      <CardHeader title="What each column accepts" description="Coded columns take the code or the label shown here, in any case." />
      <Table aria-label="Import columns">
          <thead>
            <tr>
              <Th>Column</Th>
              <Th>Accepts</Th>
              <Th>Example</Th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMN_HELP.map((c) => (
              <tr key={c.column} data-testid={`import-column-${c.column}`}>
                <Td className="font-mono text-xs">{c.column}</Td>
                <Td>
                  {c.accepts}
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
