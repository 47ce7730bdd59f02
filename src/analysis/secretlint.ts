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

type Engine = { lint: typeof LintSource; config: Parameters<typeof LintSource>[0]['options']['config'] };
let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const [{ lintSource }, preset] = await Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]);
    const rules = preset.rules.filter((r) => !EXCLUDED_RULES.has(r.meta.id)).map((r) => ({ id: r.meta.id, rule: r }));
    return { lint: lintSource, config: { rules } };
  })();
  return engine;
}

/**
 * Runs secretlint's recommended rules over `text`.
 * @param text the text to lint (the config rules pass one value per line)
 * @returns every reported credential span, in order
 */
export async function secretlintScan(text: string): Promise<SecretlintHit[]> {
  if (text.length === 0) return [];
  const { lint, config } = await loadEngine();
  const result = await lint({
    source: { filePath: 'mcp-config-values', content: text, contentType: 'text', ext: '' },
    options: { config, noPhysicFilePath: true, maskSecrets: true },
  });
  return result.messages
    .filter((m) => m.type === 'message' && !EXCLUDED_MESSAGES.has(m.messageId))
    .map((m) => ({ rule: m.ruleId.replace('@secretlint/secretlint-rule-', ''), messageId: m.messageId, start: m.range[0], end: m.range[1] }))
    .sort((a, b) => a.start - b.start);
}
