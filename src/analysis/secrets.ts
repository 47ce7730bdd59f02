import { REDACTED, SECRET_PATTERNS } from './secret-patterns.js';

export interface SecretMatch {
  patternId: string;
  start: number;
  end: number;
}

/** Cheap prefilter: none of these substrings means no known-format secret can be present. */
const KEYWORDS = ['-----begin', 'sk-', 'gh', 'github_pat_', 'glpat-', 'akia', 'asia', 'abia', 'acca', 'xox', '_live_', '_test_', 'aiza', 'npm_', 'hf_', 'eyj', '://', 'bearer', 'basic'];

function mayContainSecret(text: string): boolean {
  const lower = text.toLowerCase();
  return KEYWORDS.some((k) => lower.includes(k));
}

/** Finds known-format credentials in `text`. */
export function findSecrets(text: string): SecretMatch[] {
  if (!mayContainSecret(text)) return [];
  const out: SecretMatch[] = [];
  for (const p of SECRET_PATTERNS) {
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
      const span = p.secretGroup === undefined ? undefined : m.indices?.[p.secretGroup];
      const start = span ? span[0] : (m.index ?? 0);
      const end = span ? span[1] : (m.index ?? 0) + m[0].length;
      if (p.accept && !p.accept(text.slice(start, end))) continue;
      out.push({ patternId: p.id, start, end });
    }
  }
  return out;
}

/** Replaces every known-format credential in `text`, keeping a short, recognisable prefix. */
export function redactSecrets(text: string): string {
  const matches = findSecrets(text).sort((a, b) => a.start - b.start || b.end - a.end);
  if (matches.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const m of matches) {
    if (m.start < pos) continue; // overlapping match already redacted
    const pattern = SECRET_PATTERNS.find((p) => p.id === m.patternId);
    const keep = pattern && pattern.keep > 0 ? pattern.keep : 0;
    out += text.slice(pos, m.start) + text.slice(m.start, m.start + keep) + REDACTED;
    pos = m.end;
  }
  return out + text.slice(pos);
}

/**
 * Redacts a value known to be sensitive from its context (e.g. the value of an env var named
 * `API_KEY`): everything goes except a 4-character hint for values long enough to keep one.
 */
export function redactValue(value: string): string {
  if (value.length === 0) return value;
  if (/^\$\{[^}]*\}$/.test(value)) return value; // a placeholder is not a secret
  return value.length >= 16 ? `${value.slice(0, 4)}${REDACTED}` : REDACTED;
}
