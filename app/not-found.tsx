import { NotFoundPage } from '@/components/layout/status-page';

/** An unknown URL: rendered outside the app shell, so this page is its own <main>. */
export default function NotFound() {
  return <NotFoundPage standalone />;
}
