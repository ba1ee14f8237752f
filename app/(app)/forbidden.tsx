import { ForbiddenPage } from '@/components/layout/status-page';

/** forbidden() from a page inside the app shell: the shell holds the page's <main>. */
export default function Forbidden() {
  return <ForbiddenPage />;
}
