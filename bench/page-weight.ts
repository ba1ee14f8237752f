// What one page view weighs, against an already running production server (see bench/js-size.ts for how to start
// one): the document's raw and gzip bytes, split into the HTML and the RSC payload Next.js inlines for hydration
// (`self.__next_f.push` scripts), and with --verbose the largest payload rows, which name what repeats.
//   npx tsx bench/page-weight.ts --port 3310 [--base URL] [--verbose] [/dashboard /trends ...]
import zlib from 'node:zlib';
import { signInCookie } from './js';
import { serverArgs } from './server-args';

const { base, verbose, routes, account } = serverArgs();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The payload rows of the inlined RSC scripts, unescaped. */
function payloadRows(html: string): string[] {
  const rows: string[] = [];
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) rows.push(...(JSON.parse(m[1]) as string).split('\n'));
  return rows.filter(Boolean);
}

async function main() {
  const cookie = await signInCookie(base, account);
  for (const route of routes.length ? routes : ['/dashboard', '/experiments', '/trends', '/insights', '/models']) {
    const res = await fetch(`${base}${route}`, { headers: { cookie } });
    const html = await res.text();
    const scripts = [...html.matchAll(/<script[^>]*>self\.__next_f\.push[\s\S]*?<\/script>/g)].reduce((n, m) => n + m[0].length, 0);
    const bytes = Buffer.byteLength(html);
    console.log(
      `${route.padEnd(14)} ${kb(bytes).padStart(9)} raw, ${kb(zlib.gzipSync(html).length).padStart(8)} gzip; HTML ${kb(bytes - scripts)}, RSC payload ${kb(scripts)} (HTTP ${res.status})`,
    );
    if (verbose)
      for (const row of payloadRows(html).sort((a, b) => b.length - a.length).slice(0, 8)) console.log(`    ${kb(row.length).padStart(9)}  ${row.slice(0, 140)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
