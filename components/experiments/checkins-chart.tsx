'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Hours saved per month at each check-in: how the figure evolved. */
export function CheckinsChart({ points }: { points: { date: string; hoursSaved: number | null }[] }) {
  const data = points.filter((p) => p.hoursSaved != null);
  if (data.length < 2) return null;
  return (
    <div className="h-48 w-full" role="img" aria-label={`Hours saved per month at ${data.length} check-ins, from ${data[0].hoursSaved} to ${data[data.length - 1].hoursSaved}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
          <XAxis dataKey="date" fontSize={12} />
          <YAxis fontSize={12} width={48} />
          <Tooltip formatter={(v) => [`${v} h`, 'Hours saved / month']} />
          <Line type="monotone" dataKey="hoursSaved" stroke="var(--color-primary)" strokeWidth={2} dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
