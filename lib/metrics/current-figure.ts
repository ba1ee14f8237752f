/**
 * Where an experiment's current figure comes from. The dashboard sums each experiment's latest check-in
 * that carries the figure (by date, then id), else the experiment's own figure, else 0; the database keeps
 * that value (experiments.current_*). Pages show the value with this source so a reader can tell a
 * measured figure from the estimate entered at the start.
 */
export type FigureSource = { kind: 'checkin'; date: string } | { kind: 'own' } | { kind: 'none' };

type Dated = { id: number; date: string };

/** The latest check-in (date, then id) for which `has` holds: the one the current figure was taken from. */
export function latestCarrying<C extends Dated>(checkins: readonly C[], has: (c: C) => boolean): C | undefined {
  let best: C | undefined;
  for (const c of checkins) if (has(c) && (!best || c.date > best.date || (c.date === best.date && c.id > best.id))) best = c;
  return best;
}

export function figureSource<C extends Dated>(checkins: readonly C[], has: (c: C) => boolean, own: unknown): FigureSource {
  const latest = latestCarrying(checkins, has);
  if (latest) return { kind: 'checkin', date: latest.date };
  return own == null ? { kind: 'none' } : { kind: 'own' };
}

export function describeSource(s: FigureSource): string {
  if (s.kind === 'checkin') return `from the check-in of ${s.date}`;
  return s.kind === 'own' ? 'the experiment’s own estimate (no check-in has it yet)' : 'not recorded (counts as 0)';
}
