import { FORBIDDEN_HINT, FORBIDDEN_TITLE, StatusPage } from '@/components/layout/status-page';

/** forbidden() from a page inside the app shell: the shell holds the page's <main>. */
export default function Forbidden() {
  return (
    <StatusPage code={403} title={FORBIDDEN_TITLE}>
      <p className="mt-2 text-sm text-muted-foreground">{FORBIDDEN_HINT}</p>
    </StatusPage>
  );
}
