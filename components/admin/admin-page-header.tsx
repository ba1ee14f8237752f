import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';

/** The header of a page under /admin: its title, what it is for, and the way back (to /admin unless `back` says). */
export async function AdminPageHeader({ title, description, back }: { title: string; description: ReactNode; back?: { href: string; label: string } }) {
  const t = await getTranslations('admin.page');
  const { href, label } = back ?? { href: '/admin', label: t('backToAdmin') };
  return (
    <PageHeader
      title={title}
      description={description}
      actions={
        <Link href={href} className="text-sm underline">
          {label}
        </Link>
      }
    />
  );
}
