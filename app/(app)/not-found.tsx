import { NOT_FOUND_TITLE, StatusPage } from '@/components/layout/status-page';

/** notFound() from a page inside the app shell: the shell holds the page's <main>. */
export default function NotFound() {
  return <StatusPage code={404} title={NOT_FOUND_TITLE} />;
}
