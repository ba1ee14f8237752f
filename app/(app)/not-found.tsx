import { NotFoundPage } from '@/components/layout/status-page';

/** notFound() from a page inside the app shell: the shell holds the page's <main>. */
export default function NotFound() {
  return <NotFoundPage />;
}
