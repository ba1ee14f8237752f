import { FORBIDDEN_HINT, FORBIDDEN_TITLE, StatusPage } from '@/components/layout/status-page';

export default function Forbidden() {
  return (
    <StatusPage code={403} title={FORBIDDEN_TITLE} standalone>
      <p className="mt-2 text-sm text-muted-foreground">{FORBIDDEN_HINT}</p>
    </StatusPage>
  );
}
