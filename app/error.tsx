'use client';

/** Plain words for the user; the details are in the server log under the same digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        The page could not be shown. Try again; if it keeps happening, give your administrator this reference:{' '}
        <code data-testid="error-reference">{error.digest ?? 'none'}</code>
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md border border-border px-4 py-2">
        Try again
      </button>
    </main>
  );
}
