/**
 * A pull-based web stream over an async iterator: the next chunk is produced only when the client
 * has taken the previous one, so a 100,000-row export never sits in memory. A chunk that fails errors
 * the stream: the download breaks instead of ending early as if complete.
 */
export function iteratorToStream(iterable: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  return streamFrom(iterable[Symbol.asyncIterator]());
}

/**
 * Like iteratorToStream, but produces the first chunk before returning: a query that fails at once
 * becomes an error response (500) rather than a 200 whose body breaks.
 */
export async function primedStream(iterable: AsyncIterable<string | Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const it = iterable[Symbol.asyncIterator]();
  const first = await it.next();
  return streamFrom(it, first);
}

function streamFrom(it: AsyncIterator<string | Uint8Array>, first?: IteratorResult<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = pending ?? (await it.next());
        pending = undefined;
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
      } catch (err) {
        controller.error(err);
        // Let the source release what it holds (a database cursor).
        await it.return?.().catch(() => undefined);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}
