import type { Metadata } from 'next';
import { OpenApiDocs, type OpenApiDoc } from '@/components/api/openapi-docs';
import { openApiDocument } from '@/lib/api/openapi';
import { publicUrl } from '@/lib/auth/secret';

export const metadata: Metadata = { title: 'API' };

/** /api/docs: the read API's OpenAPI document for a person. Public, like the document itself. */
export default function ApiDocsPage() {
  return <OpenApiDocs doc={openApiDocument(publicUrl()) as unknown as OpenApiDoc} />;
}
