/**
 * @module supplychain/repository
 * Source repository URLs in their many spellings (`git+https://github.com/o/r.git`, `github:o/r`,
 * `git@github.com:o/r`, `o/r`) reduced to `host/owner/repo` so two claims can be compared.
 */

/** `host/owner/repo`, lowercased, or undefined when the value names no repository. */
export function normalizeRepository(value: unknown): string | undefined {
  let raw: string | undefined;
  if (typeof value === 'string') raw = value;
  else if (value && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string') raw = (value as { url: string }).url;
  if (raw === undefined) return undefined;
  let s = raw.trim();
  if (s === '') return undefined;
  const shorthand = /^(github|gitlab|bitbucket):([^/\s]{1,100})\/([^/\s#]{1,100})/.exec(s);
  if (shorthand) return `${shorthand[1]}.${shorthand[1] === 'bitbucket' ? 'org' : 'com'}/${shorthand[2]}/${shorthand[3]}`.toLowerCase().replace(/\.git$/, '');
  if (/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(s)) return `github.com/${s}`.toLowerCase().replace(/\.git$/, '');
  s = s.replace(/^git\+/, '').replace(/^git@([^:]{1,200}):/, 'ssh://$1/');
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return undefined;
  }
  const parts = u.pathname.split('/').filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  return `${host}/${parts[0]}/${(parts[1] ?? '').replace(/\.git$/, '')}`.toLowerCase();
}

/** Owner part of a normalised repository (`github.com/o/r` → `o`). */
export function repositoryOwner(normalized: string): string | undefined {
  return normalized.split('/')[1];
}
