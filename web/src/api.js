// The JSON API of `dragoman serve` (docs/api.md). Every failure becomes an
// ApiError carrying the server's `{error}` text, so panels can show it.

export class ApiError extends Error {
  constructor(status, message, where) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.where = where;
  }
  toString() {
    return this.status ? `${this.where}: ${this.status} ${this.message}` : `${this.where}: ${this.message}`;
  }
}

// Query parameters from an object, leaving out empty values.
export function toQuery(params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// GET (or POST with `body`) /api/<path>; resolves to the parsed JSON.
export async function api(path, { params, body, signal } = {}) {
  const url = `api/${path}${toQuery(params)}`;
  const method = body === undefined ? 'GET' : 'POST';
  const where = `${method} /${url}`;
  let res;
  try {
    res = await fetch(url, {
      method,
      signal,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, `the server did not answer (${e.message})`, where);
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const msg = data && typeof data.error === 'string' ? data.error : `${res.statusText || 'error'}${text && !data ? `: ${text.slice(0, 200)}` : ''}`;
    throw new ApiError(res.status, msg, where);
  }
  if (data === null) throw new ApiError(res.status, 'the answer is not JSON', where);
  return data;
}

export const isAbort = (e) => e && e.name === 'AbortError';
