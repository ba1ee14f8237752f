import { percentile, round } from './stats';

export type LoadResult = { concurrency: number; requests: number; p50: number; p95: number; rps: number; errors: number };

/** Time of one request until its body is read; a reset or refused connection is a failure, not the end of the run. */
async function timedRequest(url: string, headers: Record<string, string>): Promise<{ ms: number; ok: boolean }> {
  const t = performance.now();
  let ok = false;
  try {
    const res = await fetch(url, { headers, redirect: 'manual' });
    await res.arrayBuffer();
    ok = res.status === 200;
  } catch {
    ok = false;
  }
  return { ms: performance.now() - t, ok };
}

function summarize(samples: { ms: number; ok: boolean }[], concurrency: number, seconds: number): LoadResult {
  const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  return { concurrency, requests: samples.length, p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), rps: round(samples.length / seconds), errors };
}

/** A small closed-loop load generator: `concurrency` workers each send requests back to back. */
export async function load(url: string, headers: Record<string, string>, concurrency: number, requests: number): Promise<LoadResult> {
  const samples: { ms: number; ok: boolean }[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      next++;
      samples.push(await timedRequest(url, headers));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(samples, concurrency, (performance.now() - started) / 1000);
}

/** One request after another to each URL (every one different, so nothing is served from a cache). */
export async function eachOnce(urls: string[], headers: Record<string, string>): Promise<LoadResult> {
  const samples: { ms: number; ok: boolean }[] = [];
  const started = performance.now();
  for (const url of urls) samples.push(await timedRequest(url, headers));
  return summarize(samples, 1, (performance.now() - started) / 1000);
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
export async function rssMb(pid: number): Promise<number> {
  const fs = await import('node:fs');
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb / 1024;
      const children = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // process gone
    }
  };
  visit(pid);
  return round(total);
}
