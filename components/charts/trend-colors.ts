/** Chart colours from the theme's CSS variables, so light and dark both read well. */
export const SERIES_COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)', 'var(--chart-7)'];
export const colorFor = (i: number) => SERIES_COLORS[((i % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length];
export const AXIS = { stroke: 'var(--muted-foreground)', fontSize: 12 };
export const GRID = 'var(--border)';
export const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);
