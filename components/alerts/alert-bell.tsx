import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The app shell's bell: a link to the inbox with the unread count (read by screen readers as a sentence). */
export function AlertBell({ unread }: { unread: number }) {
  const t = useTranslations('nav.alerts');
  const label = unread ? t('unread', { count: String(unread) }) : t('noneUnread');
  return (
    <Link href="/inbox" aria-label={label} title={label} data-testid="alert-bell" className="relative rounded-md border border-border px-2 py-1.5 hover:bg-muted">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span data-testid="alert-count" className="absolute -right-2 -top-2 min-w-5 rounded-full bg-danger px-1 text-center text-xs font-semibold leading-5 text-white">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
