import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

/** A fixed-height placeholder of a streaming section, so nothing shifts when it arrives. */
export function SectionSkeleton({ className, label }: { className: string; label: string }) {
  const t = useTranslations('dashboard.skeleton');
  return (
    <div role="status" aria-label={t('label', { label })} className={cn('animate-pulse rounded-lg border border-border bg-muted/60', className)}>
      <span className="sr-only">{t('text', { label })}</span>
    </div>
  );
}
