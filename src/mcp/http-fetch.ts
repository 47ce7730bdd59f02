/**
 * @module mcp/http-fetch
 * The fetch the HTTP transports use: every response body is capped (a server that streams 50 MB is
 * cut off), and every redirect is recorded so a redirect to another host is reported, not silently
 * followed. The SDK's default redirect policy (same origin only) decides what is followed.
 */
import type { FetchLike } from '@modelcontextprotocol/client';

export interface HttpDiagnostics {
  /** Set when a response body exceeded the cap. */
  oversized: boolean;
  /** Redirects seen (from, to, status), in order. */
  redirects: Array<{ from: string; to: string; status: number }>;
  /** Status of the last response. */
  lastStatus?: number;
  /** `WWW-Authenticate` of the last 401/403, when sent. */
  authChallenge?: string;
}

export function newHttpDiagnostics(): HttpDiagnostics {
  return { oversized: false, redirects: [] };
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** Wraps `body` so that reading more than `maxBytes` errors the stream. */
function capBody(body: ReadableStream<Uint8Array>, maxBytes: number, diag: HttpDiagnostics): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          diag.oversized = true;
          controller.error(new Error(`response body over the ${maxBytes}-byte limit; cut off`));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/** A fetch that caps response bodies at `maxBytes` and records redirects and auth challenges. */
export function boundedFetch(maxBytes: number, diag: HttpDiagnostics, base: FetchLike = fetch): FetchLike {
  return async (input, init) => {
    const url = urlOf(input as string | URL | Request);
    const response = await base(input, init);
    diag.lastStatus = response.status;
    if (response.status === 401 || response.status === 403) {
      const challenge = response.headers.get('www-authenticate');
      if (challenge) diag.authChallenge = challenge.slice(0, 300);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      let to: string;
      try {
        to = new URL(location, url).href;
      } catch {
        to = location.slice(0, 300);
      }
      diag.redirects.push({ from: url, to, status: response.status });
      return response;
    }
    if (!response.body) return response;
    const declared = Number(response.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > maxBytes) {
      diag.oversized = true;
      await response.body.cancel().catch(() => undefined);
      throw new Error(`response body of ${declared} bytes is over the ${maxBytes}-byte limit; not read`);
    }
    return new Response(capBody(response.body, maxBytes, diag), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
