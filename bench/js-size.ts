// JavaScript on first load per route, in gzip kB, against an already running production server:
//   npx next build && PORT=3310 UPLIFT_DEMO=1 npm start        (demo data: signs in as exec@uplift.demo)
//   npx tsx bench/js-size.ts --port 3310 [--base URL] [--budget 170] [--verbose] [/dashboard /trends ...]
// --base must be the server's BETTER_AUTH_URL (default http://localhost:<port>): sign-in checks the origin.
// Exits non-zero when a route is over the budget.
import { measureJsDetailed, signInCookie } from './js';
import { serverArgs } from './server-args';

const { arg, base, verbose, routes, account } = serverArgs();
const budgetKb = Number(arg('budget', '170'));
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

async function main() {
  const cookie = await signInCookie(base, account);
  const result = await measureJsDetailed(base, cookie, routes.length ? routes : ['/dashboard', '/trends', '/experiments']);
  let over = false;
  for (const [route, r] of Object.entries(result)) {
    const flag = kb(r.bytes) > budgetKb ? '  OVER BUDGET' : '';
    over ||= Boolean(flag);
    console.log(`${route.padEnd(14)} ${String(kb(r.bytes)).padStart(7)} kB gzip in ${r.scripts.length} scripts${flag}`);
    if (verbose) for (const s of r.scripts) console.log(`    ${String(kb(s.bytes)).padStart(7)} kB  ${s.url}`);
  }
  process.exit(over ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
