import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <p className="text-sm font-semibold text-danger">403</p>
      <h1 className="mt-1 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-muted-foreground">Ask an administrator if you think you should.</p>
      <Link href="/dashboard" className="mt-6 inline-block text-primary underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
