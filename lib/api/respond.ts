/** Every /api/v1 answer: JSON, never cached by browsers or shared caches. */
export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** A JSON error with a plain sentence. */
export function apiError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return apiJson({ error: message }, status, headers);
}
