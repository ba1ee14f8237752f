/** How long an API token may live, in days: short by default, a year at most. Zod-free: the form imports it. */
export const TOKEN_EXPIRY_DAYS = ['7', '30', '90', '365'] as const;
