import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { OpenApiDocs, type OpenApiDoc } from '@/components/api/openapi-docs';
import { openApiDocument } from '@/lib/api/openapi';
import { publicUrl } from '@/lib/auth/secret';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('api.docs');
  return { title: t('title') };
}

/** /api/docs: the read API's OpenAPI document for a person. Public, like the document itself. The page speaks the reader's language; the document stays English. */
export default function ApiDocsPage() {
  return <OpenApiDocs doc={openApiDocument(publicUrl()) as unknown as OpenApiDoc} />;
}
