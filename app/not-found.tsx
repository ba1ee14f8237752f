import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <p className="text-sm font-semibold text-muted-foreground">404</p>
      <h1 className="mt-1 text-2xl font-semibold">This page does not exist</h1>
      <Link href="/dashboard" className="mt-6 inline-block text-primary underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
