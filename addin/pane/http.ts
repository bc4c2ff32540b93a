// How the pane calls the Concerto server over HTTP (versions, exports, imports): the participant's token, the
// server's `{ error: { message } }` read once, and every failure an HttpFailure — « unreachable » (no answer at
// all) or « server » (its own French sentence, or the status line) — that `failureText` puts in words.
import { type Lang, t } from '../i18n.ts';

export class HttpFailure extends Error {
  constructor(
    /** `unreachable`: no answer at all; `server`: the server said no (its sentence is the message). */
    readonly kind: 'unreachable' | 'server',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

export interface HttpCall {
  method?: 'GET' | 'POST';
  token: string;
  /** A FormData is sent as is; anything else as JSON. */
  body?: unknown;
}

/** The answer when it is a success; otherwise throws an HttpFailure. */
export async function httpRequest(fetcher: typeof fetch, url: string, call: HttpCall): Promise<Response> {
  const { method = 'GET', token, body } = call;
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  let response: Response;
  try {
    response = await fetcher(url, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined || form ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    });
  } catch (error) {
    throw new HttpFailure('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new HttpFailure('server', await refusalOf(response), response.status);
  return response;
}

/** A success's JSON body; a body that is not JSON is a failure too. */
export async function httpJson<T>(fetcher: typeof fetch, url: string, call: HttpCall): Promise<T> {
  const response = await httpRequest(fetcher, url, call);
  try {
    return (await response.json()) as T;
  } catch {
    throw new HttpFailure('server', `${response.status} ${response.statusText}`.trim(), response.status);
  }
}

/** The server's sentence of a refused request, or its status line. */
async function refusalOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } } | null;
    if (body?.error?.message) return body.error.message;
  } catch {
    // Not JSON: the status says enough.
  }
  return `${response.status} ${response.statusText}`.trim();
}

/** A failure in the pane's language: an unreachable server says so; otherwise the server's (or the error's) message. */
export function failureText(error: unknown, lang: Lang): string {
  if (error instanceof HttpFailure && error.kind === 'unreachable') return t(lang, 'http.unreachable');
  return error instanceof Error ? error.message : String(error);
}
