/** A JWT-shaped token with the given payload (unsigned: the client never verifies one). */
export function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS512' })}.${part({ sub: 'grower@example.com', ...payload })}.c2lnbmF0dXJl`;
}
