import type { ServerEntry } from '../model/index.js';

/** Names of env vars, headers, query parameters and flags whose values are credentials. */
const SENSITIVE_NAME = /(?:token|secret|passw(?:or)?d|passwd|pwd|api[-_]?key|apikey|access[-_]?key|private[-_]?key|auth|credential|cookie|session|signature|sig)/i;
/** Shorter values are too likely to occur as ordinary words in the report. */
const MIN_LENGTH = 6;
const PLACEHOLDER = /^\$\{[^}]{1,200}\}$|^\$[A-Z_][A-Z0-9_]{0,100}$|^<[^>]{1,100}>$/;

/** Paths and plain URLs are locations, not credentials; redacting them would blank file locations. */
const LOCATION = /^(?:\/|~|\.{1,2}[\\/]|[A-Za-z]:[\\/])|^[a-z][a-z0-9+.-]{1,20}:\/\//i;

function keep(value: string | undefined, out: Set<string>): void {
  if (value === undefined) return;
  const v = value.trim();
  if (v.length < MIN_LENGTH || PLACEHOLDER.test(v)) return;
  if (LOCATION.test(v)) {
    fromUrl(v, out);
    return;
  }
  out.add(v);
  // "Bearer abc…" / "Basic abc…": the credential alone may be quoted elsewhere.
  const scheme = /^(?:bearer|basic|token)\s+(\S{6,})$/i.exec(v);
  if (scheme?.[1] && !PLACEHOLDER.test(scheme[1])) out.add(scheme[1]);
}

function fromUrl(raw: string, out: Set<string>): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return; // not a URL: nothing to take apart
  }
  keep(url.password ? decodeURIComponent(url.password) : undefined, out);
  if (url.password) keep(url.password, out);
  for (const [name, value] of url.searchParams) if (SENSITIVE_NAME.test(name)) keep(value, out);
}

/**
 * Values the scan saw in places that hold credentials: env vars and headers with secret-looking
 * names, URL passwords and secret query parameters, and the value after a `--token`-like flag.
 * The reporters replace them wherever they appear, whatever their format.
 */
export function sensitiveValues(entries: readonly ServerEntry[]): string[] {
  const out = new Set<string>();
  for (const e of entries) {
    for (const [k, v] of Object.entries(e.env)) if (SENSITIVE_NAME.test(k)) keep(v, out);
    for (const [k, v] of Object.entries(e.headers)) if (SENSITIVE_NAME.test(k) || /^x-api/i.test(k)) keep(v, out);
    if (e.url) fromUrl(e.url, out);
    e.args.forEach((arg, i) => {
      const eq = /^--?([A-Za-z0-9_-]{1,60})=(.*)$/s.exec(arg);
      if (eq?.[1] && SENSITIVE_NAME.test(eq[1])) keep(eq[2], out);
      else if (/^--?[A-Za-z0-9_-]{1,60}$/.test(arg) && SENSITIVE_NAME.test(arg)) keep(e.args[i + 1], out);
      if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(arg)) fromUrl(arg, out);
    });
  }
  return [...out];
}
