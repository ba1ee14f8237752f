/**
 * The OpenAPI document rendered for a person, on the server: no script, no CDN, nothing the page's CSP
 * has to allow. Built from the same document /api/v1/openapi.json serves, so the two cannot differ.
 */
import { getTranslations } from 'next-intl/server';
import { Table, TableHead, Td } from '@/components/ui/table';

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string; minimum?: number; maximum?: number } };
type Response = { description: string; content?: Record<string, { schema?: { $ref?: string } }>; headers?: Record<string, { description?: string }> };
type Operation = { summary?: string; parameters?: Parameter[]; responses: Record<string, Response> };
export type OpenApiDoc = {
  info: { title: string; version: string; description?: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const refName = (ref?: string) => ref?.split('/').pop();
const slug = (s: string) => s.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

async function Operation({ method, path, op, base }: { method: string; path: string; op: Operation; base: string }) {
  const t = await getTranslations('api.docs');
  const id = slug(`${method} ${path}`);
  return (
    <section aria-labelledby={id} className="rounded-xl border border-border bg-card p-5">
      <h2 id={id} className="font-mono text-base font-semibold">
        <span className="mr-1 rounded bg-primary px-2 py-0.5 text-xs text-primary-foreground">{method.toUpperCase()}</span>{' '}
        {base}
        {path}
      </h2>
      {op.summary ? <p className="mt-2 text-sm">{op.summary}</p> : null}
      {op.parameters?.length ? (
        <div className="mt-4">
          <Table>
            <caption className="px-3 pt-2 text-left font-medium">{t('parameters')}</caption>
            <TableHead columns={[t('columns.name'), t('columns.in'), t('columns.type'), t('columns.meaning')]} />
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <Td className="font-mono">{p.name}{p.required ? ' *' : ''}</Td>
                  <Td>{p.in}</Td>
                  <Td>
                    {p.schema?.type ?? ''}
                    {p.schema?.minimum != null ? ` ${p.schema.minimum}–${p.schema.maximum}` : ''}
                  </Td>
                  <Td>{p.description ?? ''}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
      <h3 className="mt-4 text-sm font-medium">{t('responses')}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {Object.entries(op.responses).map(([status, r]) => {
          const schema = refName(r.content?.['application/json']?.schema?.$ref);
          return (
            <li key={status}>
              <span className="font-mono">{status}</span> {r.description}
              {schema ? (
                <>
                  {' — '}
                  <a className="underline" href={`#schema-${slug(schema)}`}>{schema}</a>
                </>
              ) : null}
              {r.headers ? ` ${t('headers', { names: Object.keys(r.headers).join(', ') })}` : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export async function OpenApiDocs({ doc }: { doc: OpenApiDoc }) {
  const t = await getTranslations('api.docs');
  const base = new URL(doc.servers[0]?.url ?? '/api/v1', 'http://x').pathname.replace(/\/$/, '');
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-4 md:p-8">
      <header>
        <p className="text-sm font-semibold text-primary">{t('product')}</p>
        <h1 className="text-2xl font-semibold">{doc.info.title} <span className="text-base font-normal text-muted-foreground">{t('version', { version: doc.info.version })}</span></h1>
        {doc.info.description ? <p className="mt-2 text-sm">{doc.info.description}</p> : null}
        <p className="mt-2 text-sm">
          {t.rich('intro', {
            header: 'Authorization: Bearer <token>',
            document: '/api/v1/openapi.json',
            code: (chunks) => <code className="font-mono">{chunks}</code>,
            account: (chunks) => <a className="underline" href="/account">{chunks}</a>,
            json: (chunks) => <a className="underline" href="/api/v1/openapi.json">{chunks}</a>,
          })}
        </p>
      </header>
      <nav aria-label={t('endpoints')}>
        <ul className="list-inside list-disc text-sm">
          {Object.entries(doc.paths).flatMap(([path, ops]) =>
            Object.keys(ops).map((method) => (
              <li key={`${method} ${path}`}>
                <a className="font-mono underline" href={`#${slug(`${method} ${path}`)}`}>{method.toUpperCase()} {base}{path}</a>
              </li>
            )),
          )}
        </ul>
      </nav>
      {Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => <Operation key={`${method} ${path}`} method={method} path={path} op={op} base={base} />),
      )}
      <section aria-labelledby="schemas" className="space-y-3">
        <h2 id="schemas" className="text-lg font-semibold">{t('schemas')}</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <details key={name} id={`schema-${slug(name)}`} className="rounded-xl border border-border bg-card p-4">
            <summary className="cursor-pointer font-mono font-medium">{name}</summary>
            <pre tabIndex={0} className="mt-3 overflow-x-auto text-xs">{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </section>
    </main>
  );
}
