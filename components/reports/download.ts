/** The file name a response's Content-Disposition asks for, or a fallback. */
export function filenameFrom(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(header);
  return match?.[1] ?? fallback;
}

/**
 * Fetches a download while reporting the bytes received (a long export shows progress), then hands
 * the file to the browser. Errors come back as the server's message.
 */
export async function downloadWithProgress(url: string, onProgress: (bytes: number) => void, failedHttp: (status: number) => string): Promise<string> {
  const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => null);
    throw new Error((body as { error?: string } | null)?.error ?? failedHttp(response.status));
  }
  const reader = response.body.getReader();
  const parts: BlobPart[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.byteLength;
    onProgress(received);
  }
  const name = filenameFrom(response, 'uplift-export');
  const blob = new Blob(parts, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
