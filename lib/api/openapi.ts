import { z } from 'zod';
import { catalogModels, dashboardFigures, errorBody, experimentDetail, experimentList, insights, usage } from './schemas';

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) from the same zod schemas the handlers build their answers with. */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;

const errors = {
  '401': { description: 'No token, or one that is unknown, expired or revoked', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '403': { description: 'The token may not read this', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '429': {
    description: 'Too many requests with this token',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};

const q = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } });
const FILTERS = [
  q('team', 'Team ids, comma-separated'),
  q('status', 'Statuses, comma-separated'),
  q('from', 'Active from (YYYY-MM-DD)'),
  q('to', 'Active to (YYYY-MM-DD)'),
  q('mine', '"yes" for the caller\u2019s teams'),
  q('q', 'Text search'),
];

function get(summary: string, ref: string, parameters: unknown[] = []) {
  return {
    get: {
      summary,
      security: [{ bearer: [] }],
      parameters,
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } }, ...errors },
    },
  };
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'Uplift read API', version: '1.0.0', description: 'Read-only. camelCase fields, ISO 8601 dates, money in minor units with its currency.' },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal or service token from Uplift' } },
      schemas: {
        Error: schema(errorBody),
        ExperimentList: schema(experimentList),
        ExperimentDetail: schema(experimentDetail),
        DashboardFigures: schema(dashboardFigures),
        CatalogModels: schema(catalogModels),
        Insights: schema(insights),
        Usage: schema(usage),
      },
    },
    paths: {
      '/experiments': get('Experiments, with the list\u2019s filters and cursor paging', 'ExperimentList', [
        ...FILTERS,
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } },
        q('cursor', 'The previous page\u2019s nextCursor'),
      ]),
      '/experiments/{id}': get('One experiment with its outcomes and check-ins', 'ExperimentDetail', [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]),
      '/dashboard': get('The dashboard\u2019s headline figures for the period and the previous one', 'DashboardFigures', FILTERS),
      '/models': get('The model catalog with prices, price history and scores', 'CatalogModels'),
      '/insights': get('Re-test radar, concentration and privacy flags', 'Insights', [q('scope', '"mine" for the caller\u2019s teams')]),
      '/usage': get('Imported usage (active users, requests, tokens, billed spend) over time and by team, model and vendor, and billed versus reported spend; a lead reads their own teams only', 'Usage', [
        q('team', 'Team ids, comma-separated'),
        q('vendor', 'Vendors, comma-separated'),
        q('model', 'Model slugs, comma-separated'),
        q('from', 'Period start (YYYY-MM-DD); default: the last 90 days'),
        q('to', 'Period end (YYYY-MM-DD)'),
        q('mine', '"yes" for the caller\u2019s teams'),
      ]),
    },
  };
}
