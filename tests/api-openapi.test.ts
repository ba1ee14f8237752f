// The OpenAPI 3.1 document of /api/v1: valid by a standard validator, generated from the handlers' zod schemas.
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/openapi.json/route';
import { openApiDocument } from '@/lib/api/openapi';

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document with every endpoint', async () => {
    const doc = openApiDocument('https://uplift.example.com');
    const validated = (await SwaggerParser.validate(structuredClone(doc) as never)) as { openapi: string; paths: Record<string, unknown> };
    expect(validated.openapi).toBe('3.1.0');
    expect(Object.keys(validated.paths)).toEqual(['/experiments', '/experiments/{id}', '/dashboard', '/models', '/insights', '/usage']);
  });

  it('describes money as minor units with a currency, from the zod schema', () => {
    const list = openApiDocument('http://x').components.schemas.ExperimentList as { properties: { sums: { properties: { spendMonthly: { properties: Record<string, unknown>; required: string[] } } } } };
    expect(list.properties.sums.properties.spendMonthly.required).toEqual(['amountMinor', 'currency']);
  });

  it('is served without a token', async () => {
    process.env.BETTER_AUTH_URL = 'http://localhost:3000';
    const res = await GET();
    expect(res.status).toBe(200);
    expect((await res.json()).servers).toEqual([{ url: 'http://localhost:3000/api/v1' }]);
  });
});
