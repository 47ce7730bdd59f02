/**
 * @fileoverview Credentials written into a server entry, found three ways and reported once per
 * field, strongest signal first:
 * 1. known formats: secret-patterns.ts (sync) and secretlint's recommended preset (async);
 * 2. context: a literal value under a name that announces a credential (`*_TOKEN`, `Authorization`,
 *    `--api-key`, `?api_key=`), unless it is a placeholder, a path or a reference;
 * 3. entropy: a long random-looking value where no name says anything either way (low severity).
 * Evidence is redacted here for context and secretlint hits (formats the engine may not know);
 * the engine redacts known formats again on output.
 */
import type { ServerEntry, Severity } from '../../../model/index.js';
import { SECRET_PATTERNS } from '../../../analysis/secret-patterns.js';
import { findSecrets, redactSecrets, redactSpans, redactValue } from '../../../analysis/secrets.js';
import { secretlintScan } from '../../../analysis/secretlint.js';
import { splitWords } from '../../../analysis/command-line.js';
import {
  isNonSecretName,
  isPlaceholderValue,
  looksLikePath,
  looksLikeUrl,
  looksRandom,
  secretNameKind,
  shannonEntropy,
  type SecretNameKind,
} from '../../../analysis/secret-context.js';
import { entryFields, fieldLabel, type EntryField } from './fields.js';

export type SecretSource = 'format' | 'context' | 'entropy';

export interface EntrySecret {
  field: EntryField;
  source: SecretSource;
  /** What was found, for the message: `GitHub personal access … token`, `password`, … */
  kind: string;
  severity: Severity;
  /** `env.NAME=<redacted value>` */
  evidence: string;
  /** Shannon entropy of the secret part, bits per character, one decimal. */
  entropy: number;
}

const DESCRIPTION = new Map(SECRET_PATTERNS.map((p) => [p.id, p.description]));

const KIND_LABEL: Readonly<Record<SecretNameKind, string>> = {
  password: 'password',
  token: 'token',
  key: 'API key',
  secret: 'secret',
  credential: 'credential',
  auth: 'authorization credential',
  cookie: 'cookie',
};

/** `Bearer x`, `Basic x`, `Token x`: the scheme word is not part of the secret. */
function stripAuthScheme(value: string): string {
  const m = /^(?:bearer|basic|token|apikey|api-key|key)\s+(\S.*)$/i.exec(value.trim());
  return m ? (m[1] ?? '') : value.trim();
}

/** An ALL_CAPS_NAME is a reference to a variable (Codex `env_vars`, docker `-e NAME`), not a value. */
function looksLikeVariableName(value: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A name/value pair found in a field: env/header key, `--flag=value`, `--flag value`, `NAME=value`, `?key=value`. */
interface Named {
  name: string;
  value: string;
}

function queryPairs(text: string): Named[] {
  if (!looksLikeUrl(text)) return [];
  try {
    const u = new URL(text.trim());
    const pairs: Named[] = [];
    for (const params of [u.searchParams, new URLSearchParams(u.hash.replace(/^#/, ''))]) for (const [name, value] of params) pairs.push({ name, value });
    return pairs;
  } catch {
    return []; // not a parseable URL: nothing to read
  }
}

/** Name/value pairs inside one string (a whole arg or script). */
function pairsInWords(words: string[]): Named[] {
  const out: Named[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const flagEq = /^--?([A-Za-z][\w.-]{0,100})=(.*)$/s.exec(w);
    const assign = /^([A-Za-z_][A-Za-z0-9_]{0,100})=(.*)$/s.exec(w);
    if (flagEq) out.push({ name: flagEq[1] ?? '', value: flagEq[2] ?? '' });
    else if (assign) out.push({ name: assign[1] ?? '', value: assign[2] ?? '' });
    else if (/^--?[A-Za-z][\w.-]{0,100}$/.test(w) && i + 1 < words.length && !(words[i + 1] as string).startsWith('-')) {
      out.push({ name: w.replace(/^-+/, ''), value: words[i + 1] as string });
    }
    out.push(...queryPairs(w));
  }
  return out;
}

/** Pairs for a field: its own name for env/headers, flags and assignments for args, query params for URLs. */
function namedValues(field: EntryField, entry: ServerEntry): Named[] {
  if (field.kind === 'env' || field.kind === 'headers') return [{ name: field.key ?? '', value: field.value }, ...queryPairs(field.value)];
  if (field.kind === 'url') return queryPairs(field.value);
  if (field.kind === 'args') {
    const i = Number(field.key);
    const prev = i > 0 ? entry.args[i - 1] : undefined;
    const out: Named[] = [];
    // `--api-key VALUE` across two args.
    if (prev !== undefined && /^--?[A-Za-z][\w.-]{0,100}$/.test(prev) && !field.value.startsWith('-')) out.push({ name: prev.replace(/^-+/, ''), value: field.value });
    const words = /\s/.test(field.value) ? splitWords(field.value) : [field.value];
    return [...out, ...pairsInWords(words)];
  }
  return [];
}

/** True when an arg is the value of a flag whose name says it is not a secret (`--project-id X`). */
function argOfNonSecretFlag(field: EntryField, entry: ServerEntry): boolean {
  if (field.kind !== 'args') return false;
  const prev = entry.args[Number(field.key) - 1];
  return prev !== undefined && /^--?[A-Za-z]/.test(prev) && isNonSecretName(prev);
}

function replaceAll(text: string, secret: string, replacement: string): string {
  return secret.length === 0 ? text : text.split(secret).join(replacement);
}

/** Known formats (sync patterns) in one field, placeholders such as `xoxb-your-token` excluded. */
function formatHits(value: string): Array<{ start: number; end: number; kind: string }> {
  return findSecrets(value)
    .filter((m) => !isPlaceholderValue(value.slice(m.start, m.end)))
    .map((m) => ({ start: m.start, end: m.end, kind: DESCRIPTION.get(m.patternId) ?? m.patternId }));
}

function contextSecret(field: EntryField, entry: ServerEntry): EntrySecret | undefined {
  for (const { name, value } of namedValues(field, entry)) {
    const kind = secretNameKind(name);
    if (kind === undefined) continue;
    const secret = stripAuthScheme(value);
    if (isPlaceholderValue(secret) || looksLikePath(secret) || looksLikeUrl(secret) || looksLikeVariableName(secret)) continue;
    const entropy = shannonEntropy(secret);
    const strong = secret.length >= 16 && entropy >= 3.5;
    return {
      field,
      source: 'context',
      kind: KIND_LABEL[kind],
      severity: strong || kind === 'password' ? 'high' : 'medium',
      evidence: `${fieldLabel(field)}=${replaceAll(field.value, secret, redactValue(secret))}`,
      entropy: round1(entropy),
    };
  }
  return undefined;
}

function entropySecret(field: EntryField, entry: ServerEntry): EntrySecret | undefined {
  if (field.kind === 'command' || field.kind === 'cwd' || field.kind === 'url') return;
  if ((field.kind === 'env' || field.kind === 'headers') && isNonSecretName(field.key ?? '')) return;
  if (argOfNonSecretFlag(field, entry)) return;
  const candidates = field.kind === 'args' && /\s/.test(field.value) ? splitWords(field.value) : [field.value];
  const hit = candidates.find((w) => looksRandom(w.replace(/^[A-Za-z_][A-Za-z0-9_]*=/, '')));
  if (hit === undefined) return undefined;
  const secret = hit.replace(/^[A-Za-z_][A-Za-z0-9_]*=/, '');
  return {
    field,
    source: 'entropy',
    kind: 'high-entropy value',
    severity: 'low',
    evidence: `${fieldLabel(field)}=${replaceAll(field.value, secret, redactValue(secret))}`,
    entropy: round1(shannonEntropy(secret)),
  };
}

/**
 * Finds credentials with the synchronous detectors only (known formats, context, entropy).
 * @param entry the server entry
 * @param opts `entropy: false` skips the low-confidence entropy signal
 */
export function findEntrySecretsSync(entry: ServerEntry, opts: { entropy?: boolean } = {}): EntrySecret[] {
  const out: EntrySecret[] = [];
  for (const field of entryFields(entry)) {
    const hits = formatHits(field.value);
    if (hits.length > 0) {
      const secret = field.value.slice(hits[0]?.start, hits[0]?.end);
      out.push({
        field,
        source: 'format',
        kind: [...new Set(hits.map((h) => h.kind))].join(', '),
        severity: 'high',
        evidence: `${fieldLabel(field)}=${redactSecrets(field.value)}`,
        entropy: round1(shannonEntropy(secret)),
      });
      continue;
    }
    const ctx = contextSecret(field, entry);
    if (ctx) {
      out.push(ctx);
      continue;
    }
    if (opts.entropy !== false) {
      const ent = entropySecret(field, entry);
      if (ent) out.push(ent);
    }
  }
  return out;
}

/** secretlint labels for messages, e.g. `github/GITHUB_TOKEN` → `GitHub token (secretlint)`. */
function secretlintKind(rule: string, messageId: string): string {
  return `${rule.replace(/-/g, ' ')} credential (secretlint ${messageId})`;
}

/**
 * The text secretlint lints for an entry: every value, one per line.
 * @param entry the server entry
 * @returns the fields, each field's offset in `text`, and the text
 */
export function entryLintText(entry: ServerEntry): { fields: EntryField[]; offsets: number[]; text: string } {
  const fields = entryFields(entry);
  let text = '';
  const offsets: number[] = [];
  for (const f of fields) {
    offsets.push(text.length);
    text += `${f.value}\n`;
  }
  return { fields, offsets, text };
}

/**
 * Finds credentials with every detector: the synchronous ones plus secretlint's recommended
 * preset over all values of the entry at once (one value per line).
 * @param entry the server entry
 */
export async function findEntrySecrets(entry: ServerEntry): Promise<EntrySecret[]> {
  const found = findEntrySecretsSync(entry);
  const { fields, offsets, text } = entryLintText(entry);
  const hits = await secretlintScan(text);
  if (hits.length === 0) return found;
  const byPointer = new Map(found.map((s) => [s.field.pointer, s]));
  for (const hit of hits) {
    // The field holding the start of the hit.
    let idx = 0;
    while (idx + 1 < offsets.length && (offsets[idx + 1] as number) <= hit.start) idx++;
    const field = fields[idx];
    if (!field) continue;
    const start = hit.start - (offsets[idx] as number);
    const end = Math.min(hit.end - (offsets[idx] as number), field.value.length);
    const secret = field.value.slice(start, end);
    if (isPlaceholderValue(secret)) continue;
    const prior = byPointer.get(field.pointer);
    if (prior?.source === 'format') continue; // already reported from our own patterns
    // secretlint saw a format our patterns do not know: hide from the hit to the end of its word
    // (secretlint's ranges can stop short of the secret's end), or the whole value of env/headers.
    const wordEnd = field.value.slice(end).search(/\s/);
    const spanEnd = wordEnd < 0 ? field.value.length : end + wordEnd;
    const evidence = `${fieldLabel(field)}=${field.kind === 'args' || field.kind === 'url' ? redactSpans(field.value, [{ start, end: spanEnd }]) : redactValue(field.value)}`;
    const secretHit: EntrySecret = { field, source: 'format', kind: secretlintKind(hit.rule, hit.messageId), severity: 'high', evidence, entropy: round1(shannonEntropy(secret)) };
    if (prior) found[found.indexOf(prior)] = secretHit;
    else found.push(secretHit);
    byPointer.set(field.pointer, secretHit);
  }
  const order = new Map(fields.map((f, i) => [f.pointer, i]));
  return found.sort((a, b) => (order.get(a.field.pointer) ?? 0) - (order.get(b.field.pointer) ?? 0));
}
