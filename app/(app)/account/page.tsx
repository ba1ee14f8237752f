import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/password-forms';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CreateTokenForm } from '@/components/tokens/create-token-form';
import { TokensTable } from '@/components/tokens/tokens-table';
import { getDb } from '@/db';
import { listPersonalTokens } from '@/db/queries/people/api-tokens';
import { requireUser } from '@/lib/auth/guard';
import { ROLE_LABEL } from '@/lib/labels';
import { createPersonalTokenAction, revokePersonalTokenAction } from './token-actions';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  const tokens = await listPersonalTokens(await getDb(), user.id);
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${ROLE_LABEL[user.role]}`} />
      <Card>
        <CardHeader title="Change password" description="At least 8 characters; long passphrases are welcome." />
        <ChangePasswordForm />
      </Card>
      <Card className="mt-6">
        <CardHeader
          title="API tokens"
          description="Read-only tokens for BI tools and scripts (send Authorization: Bearer <token> to /api/v1). A token reads what you can read."
        />
        <div className="mb-4">
          <CreateTokenForm action={createPersonalTokenAction} idPrefix="personal-token" />
        </div>
        <TokensTable tokens={tokens} revoke={revokePersonalTokenAction} />
      </Card>
    </>
  );
}
