/** Tokens travel in the URL fragment (`#token=…`) so they never reach server logs or Referer headers. */
export function tokenFromHash(hash: string = window.location.hash): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length <= 200 ? token : null;
}
