import { SectionSkeleton } from '@/components/dashboard/section-skeleton';

/** Shown while the page's header data loads (sign-in check, filter choices); the sections then stream. */
export default function DashboardLoading() {
  return (
    <div aria-busy="true">
      <div className="mb-6 h-14" />
      <SectionSkeleton label="filters" className="mb-6 h-16" />
      <SectionSkeleton label="headline figures" className="h-[23rem] lg:h-[17rem]" />
    </div>
  );
}
