import { useTranslations } from 'next-intl';
import { SectionSkeleton } from '@/components/dashboard/section-skeleton';

/** Shown while the page's header data loads (sign-in check, filter choices); the sections then stream. */
export default function DashboardLoading() {
  const t = useTranslations('dashboard');
  return (
    <div aria-busy="true">
      <div className="mb-6 h-14" />
      <SectionSkeleton label={t('sections.filters.skeleton')} className="mb-6 h-16" />
      <SectionSkeleton label={t('sections.kpis.skeleton')} className="h-[23rem] lg:h-[17rem]" />
    </div>
  );
}
