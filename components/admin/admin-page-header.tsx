import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';

/** The header of a page under /admin: its title, what it is for, and the way back. */
export function AdminPageHeader({ title, description, back = { href: '/admin', label: 'Back to admin' } }: { title: string; description: ReactNode; back?: { href: string; label: string } }) {
  return (
    <PageHeader
      title={title}
      description={description}
      actions={
        <Link href={back.href} className="text-sm underline">
          {back.label}
        </Link>
      }
    />
  );
}
