import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/auth/password-forms';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CreateTokenForm } from '@/components/tokens/create-token-form';
import { TokensTable } from '@/components/tokens/tokens-table';
import { getDb } from '@/db';
import { listPersonalTokens } from '@/db/queries/people/api-tokens';
import { requireUser } from '@/lib/auth/guard';
import { createPersonalTokenAction, revokePersonalTokenAction } from './token-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requireUser();
  const tokens = await listPersonalTokens(await getDb(), user.id);
  const [t, tl] = await Promise.all([getTranslations('account'), getTranslations('labels')]);
  return (
    <>
      <PageHeader title={t('title')} description={t('summary', { name: user.name, email: user.email, role: tl(`role.${user.role}`) })} />
      <Card>
        <CardHeader title={t('password.title')} description={t('password.description')} />
        <ChangePasswordForm />
      </Card>
      <Card className="mt-6">
        <CardHeader
          title={t('tokens.title')}
          description={t('tokens.description', { header: 'Authorization: Bearer <token>' })}
        />
        <div className="mb-4">
          <CreateTokenForm action={createPersonalTokenAction} idPrefix="personal-token" />
        </div>
        <TokensTable tokens={tokens} revoke={revokePersonalTokenAction} />
      </Card>
    </>
  );
}
