import { execSync } from 'node:child_process';
import { signInCookie } from './js';
import { load } from './http';
const base = 'http://localhost:3310';
(async () => {
  const cookie = await signInCookie(base, { email: process.env.EMAIL ?? 'exec@bench.local', password: process.env.PASSWORD ?? 'bench-password-123' });
  const route = process.argv[2] ?? '/dashboard';
  await load(base + route, { cookie }, 1, 10);
  const pid = execSync('pgrep -f next-server').toString().trim().split('\n')[0];
  process.kill(Number(pid), 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 500));
  const r = await load(base + route, { cookie }, 1, Number(process.env.N ?? 60));
  process.kill(Number(pid), 'SIGUSR2');
  console.log(JSON.stringify(r));
  await new Promise((r) => setTimeout(r, 1500));
})();
