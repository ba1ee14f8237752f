import { NOT_FOUND_TITLE, StatusPage } from '@/components/layout/status-page';

/** An unknown URL: rendered outside the app shell, so this page is its own <main>. */
export default function NotFound() {
  return <StatusPage code={404} title={NOT_FOUND_TITLE} standalone />;
}
