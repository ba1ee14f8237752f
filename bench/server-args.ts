// The command line of the tools that measure an already running server (bench/js-size.ts, bench/page-weight.ts):
// --port/--base, --email/--password of the account to sign in as, --verbose, and the routes (arguments starting
// with /, except the value of a flag that takes one).
const VALUED = ['--port', '--base', '--budget', '--email', '--password'];

export function serverArgs(args = process.argv.slice(2)) {
  const arg = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  return {
    arg,
    base: arg('base', `http://localhost:${arg('port', '3310')}`),
    verbose: args.includes('--verbose'),
    routes: args.filter((a, i) => a.startsWith('/') && !VALUED.includes(args[i - 1])),
    account: { email: arg('email', 'exec@uplift.demo'), password: arg('password', 'uplift-demo') },
  };
}
