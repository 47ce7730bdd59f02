/**
 * @fileoverview secretlint's recommended preset as a second, maintained detector of known credential
 * formats (it validates what it finds, e.g. parses private keys). Asynchronous and heavier than
 * secrets.ts (the preset bundles a PEM parser, loaded on first use), so it backs the config rules,
 * not the redaction path. Everything it reports is also covered by secret-patterns.ts, so output
 * redaction never depends on it.
 */
import type { lintSource as LintSource } from '@secretlint/core';

/** One credential secretlint reported, as a span of the linted text. */
export interface SecretlintHit {
  /** secretlint rule, without the `@secretlint/secretlint-rule-` prefix, e.g. `github`. */
  rule: string;
  /** secretlint message id, e.g. `GITHUB_TOKEN`. */
  messageId: string;
  start: number;
  end: number;
}

/**
 * Rules left out of the preset: `filter-comments` honours `secretlint-disable` comments, which in
 * a scanned config would let the file's own text switch detection off.
 */
const EXCLUDED_RULES = new Set(['@secretlint/secretlint-rule-filter-comments']);

/** Messages that name an identifier, not a credential (an AWS account id grants nothing). */
const EXCLUDED_MESSAGES = new Set(['AWSAccountID']);

/**
 * When a text is worth linting: it holds every lowercase substring of at least one group. Derived
 * from the preset's own patterns (not ours): AWS secret keys need `secret` + `access` joined by at
 * most `_`, PEM keys `-----begin`, basic-auth and database URLs credentials between `://` and `@`,
 * the token rules and Slack webhooks their fixed prefixes. The AWS key-id scan is off in the preset by default, the GCP
 * rule only reads `.json`/`.p12` files and the npm rule's `.npmrc`/`package.json` checks need those
 * file names, so none of them can fire on the values we lint. Any other text is not linted at all
 * (most launch lines; `npm run bench:config` measures the gain).
 * test/analysis/secretlint-parity.test.ts fails if the preset gains a rule or a sample stops being found.
 */
export const SECRETLINT_PREFILTER: readonly (readonly string[])[] = [
  ['secret_access'],
  ['secretaccess'],
  ['-----begin'],
  ['://', '@'],
  ['npm_'],
  ['xoxb-'],
  ['xoxp-'],
  ['xapp-'],
  ['xoxa-'],
  ['xoxo-'],
  ['xoxr-'],
  ['hooks.slack.com'],
  ['sg.'],
  ['shppa_'],
  ['shpca_'],
  ['shpat_'],
  ['shpss_'],
  ['ghp_'],
  ['gho_'],
  ['ghu_'],
  ['ghs_'],
  ['ghr_'],
  ['github_pat_'],
  ['sk-'],
  ['lin_api_'],
  ['ops_ey'],
];

/**
 * Whether `text` could hold something the preset reports.
 * @param text the text about to be linted
 * @returns false when no group of {@link SECRETLINT_PREFILTER} occurs, so linting can be skipped
 */
export function mayHoldSecretlintSecret(text: string): boolean {
  const lower = text.toLowerCase();
  return SECRETLINT_PREFILTER.some((group) => group.every((k) => lower.includes(k)));
}

/** The parts of @secretlint/profiler's process-wide profiler we neutralise (private in its types). */
interface ProfilerInternals {
  perf: { mark(name: string): void; measure(name: string, start: string, end: string): void };
  entries: unknown[];
  measures: unknown[];
}

/** Stands in for `performance` in secretlint's profiler: lintSource's marks are dropped. */
const SILENT_PERF: ProfilerInternals['perf'] = { mark: () => undefined, measure: () => undefined };

/**
 * secretlint's core marks about 60 points of every `lintSource` call into Node's global performance
 * timeline through one process-wide profiler, which also keeps its own copy of every mark and
 * searches that copy linearly on each new one. Nothing ever clears either: over a 10k-server scan
 * that is 600k buffered marks, memory that only grows and quadratic time (Node warns past 1M).
 * Nothing in secretlint reads the profile back unless its CLI's `--profile` is on, so the profiler
 * is given a silent `performance` before the first lint; its observer still sees marks other code
 * makes, so its copies are emptied too. test/analysis/secretlint.test.ts checks both stay empty.
 */
function silenceProfiler(profiler: ProfilerInternals): void {
  profiler.perf = SILENT_PERF;
  profiler.entries.length = 0;
  profiler.measures.length = 0;
}

type Engine = { lint: typeof LintSource; config: Parameters<typeof LintSource>[0]['options']['config']; profiler: ProfilerInternals };
let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const [{ lintSource }, preset, { secretLintProfiler }] = await Promise.all([
      import('@secretlint/core'),
      import('@secretlint/secretlint-rule-preset-recommend'),
      import('@secretlint/profiler'),
    ]);
    const rules = preset.rules.filter((r) => !EXCLUDED_RULES.has(r.meta.id)).map((r) => ({ id: r.meta.id, rule: r }));
    return { lint: lintSource, config: { rules }, profiler: secretLintProfiler as unknown as ProfilerInternals };
  })();
  return engine;
}

/** Options of {@link secretlintScan}. */
export interface SecretlintScanOptions {
  /** Skip texts no group of {@link SECRETLINT_PREFILTER} matches (default true; off only to measure or test it). */
  prefilter?: boolean;
}

/**
 * Runs secretlint's recommended rules over `text`.
 * @param text the text to lint (the config rules pass one value per line)
 * @param options see {@link SecretlintScanOptions}
 * @returns every reported credential span, in order
 */
export async function secretlintScan(text: string, options: SecretlintScanOptions = {}): Promise<SecretlintHit[]> {
  if (text.length === 0) return [];
  if ((options.prefilter ?? true) && !mayHoldSecretlintSecret(text)) return [];
  const { lint, config, profiler } = await loadEngine();
  silenceProfiler(profiler);
  const result = await lint({
    source: { filePath: 'mcp-config-values', content: text, contentType: 'text', ext: '' },
    options: { config, noPhysicFilePath: true, maskSecrets: true },
  });
  return result.messages
    .filter((m) => m.type === 'message' && !EXCLUDED_MESSAGES.has(m.messageId))
    .map((m) => ({ rule: m.ruleId.replace('@secretlint/secretlint-rule-', ''), messageId: m.messageId, start: m.range[0], end: m.range[1] }))
    .sort((a, b) => a.start - b.start);
}
