import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/password-forms';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/guard';
import { ROLE_LABEL } from '@/lib/labels';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${ROLE_LABEL[user.role]}`} />
      <Card>
        <CardHeader title="Change password" description="At least 8 characters; long passphrases are welcome." />
        <ChangePasswordForm />
      </Card>
    </>
  );
}
