import { percentile, round } from './stats';

export type LoadResult = { concurrency: number; requests: number; p50: number; p95: number; rps: number; errors: number };

/** A small closed-loop load generator: `concurrency` workers each send requests back to back. */
export async function load(url: string, headers: Record<string, string>, concurrency: number, requests: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      next++;
      const t = performance.now();
      try {
        const res = await fetch(url, { headers, redirect: 'manual' });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++; // a reset or refused connection is a failed request, not the end of the run
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { concurrency, requests, p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), rps: round(requests / seconds), errors };
}

/** One request after another to each URL (every one different, so nothing is served from a cache). */
export async function eachOnce(urls: string[], headers: Record<string, string>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (const url of urls) {
    const t = performance.now();
    try {
      const res = await fetch(url, { headers, redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  return { concurrency: 1, requests: urls.length, p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), rps: round(urls.length / seconds), errors };
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
