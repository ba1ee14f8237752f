/** Session lifetimes, configurable by environment (see README "Configuration"). */
export function sessionTimeouts(env: Record<string, string | undefined> = process.env) {
  const hours = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const absoluteHours = hours('UPLIFT_SESSION_MAX_HOURS', 24 * 7);
  const idleHours = Math.min(hours('UPLIFT_SESSION_IDLE_HOURS', 24), absoluteHours);
  return { absoluteSeconds: Math.round(absoluteHours * 3600), idleSeconds: Math.round(idleHours * 3600) };
}
