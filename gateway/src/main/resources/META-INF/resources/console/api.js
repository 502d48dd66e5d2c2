// Every call to the platform goes through the gateway, same origin, with the user's bearer token. Errors are RFC 9457
// problem details; ApiError keeps their title, detail and field errors so that screens can show them as they are.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The field errors of a 422, each "field: message". */
  get fieldErrors() {
    return (this.problem.errors ?? []).map((e) => `${e.field ?? e.questionId}: ${e.message}`);
  }
}

/** The ApiError of an answer that is not 2xx: its problem details, when it has them. */
async function failure(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch (e) {
    // not JSON: the status says it
  }
  return new ApiError(response.status, problem);
}

async function request(method, path, body, headers = {}) {
  const token = await accessToken();
  const init = { method, headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    throw await failure(response);
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.blob();
}

export const api = {
  get: (path) => request('GET', path),
  /** A POST; without a body when none is given (an action such as a recompute). */
  post: (path, body, headers) => request('POST', path, body, headers),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body, { 'Content-Type': 'application/merge-patch+json' }),
  delete: (path) => request('DELETE', path),
  /** Saves what path answers as {@code accept} (a segment as CSV, say) as a file named filename. */
  async download(path, accept, filename) {
    const token = await accessToken();
    const response = await fetch(path, { headers: { Accept: accept, Authorization: `Bearer ${token}` } });
    if (!response.ok) {
      throw await failure(response);
    }
    const url = URL.createObjectURL(await response.blob());
    Object.assign(document.createElement('a'), { href: url, download: filename }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  /** An image (the card's QR code) as an object URL for an <img>. */
  async image(path) {
    const token = await accessToken();
    const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) {
      throw await failure(response);
    }
    return URL.createObjectURL(await response.blob());
  },
};

/** A key that makes a retried write a replay, not a second write. */
export function idempotencyKey() {
  return crypto.randomUUID();
}
