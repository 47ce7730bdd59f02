// Precision of result scanning on real documents: every Markdown file of the installed
// dependencies (READMEs, changelogs, guides; pinned by package-lock.json) judged as a tool result,
// the way a gateway in front of a filesystem or fetch server sees them. At the default quarantine
// threshold (high) few may be flagged, while the corpus attacks, returned as results, still are.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultScanner } from '../../src/gateway/result-scanner.js';
import { atLeast } from '../../src/model/index.js';

const root = join(import.meta.dirname, '../..');
const scanner = resultScanner(() => undefined);
const quarantined = (text: string) => scanner.scan([text], { server: 's', target: 't' }).some((h) => atLeast(h.severity, 'high'));

/** Distinct contents of the installed files with this extension, between `min` and `max` bytes. */
function documents(extension: string, min: number, max: number): string[] {
  const seen = new Set<string>();
  const dir = join(root, 'node_modules');
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.toLowerCase().endsWith(extension)) continue;
    const path = join(dir, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size < min || stat.size > max) continue;
    seen.add(readFileSync(path, 'utf8'));
  }
  return [...seen];
}

describe('result scanning precision on real documents', () => {
  it('quarantines few of the dependencies\' Markdown files, and the corpus attacks still', { timeout: 120_000 }, () => {
    const docs = documents('.md', 1024, 1 << 20);
    expect(docs.length).toBeGreaterThan(300);
    const flagged = docs.filter(quarantined).length;
    const attacks = ['test/fixtures/corpus/malicious.jsonl', 'test/fixtures/extra/attacks.jsonl', 'test/fixtures/extra/attacks2.jsonl']
      .flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n').filter((l) => l.trim()))
      .map((l) => (JSON.parse(l) as { tool: { description?: unknown } }).tool.description)
      .filter((d): d is string => typeof d === 'string' && d.length > 0);
    const caught = attacks.filter(quarantined).length;
    console.log(`result precision: ${flagged} of ${docs.length} Markdown files quarantined; ${caught} of ${attacks.length} corpus attacks`);
    // 2026-12-07: 58 of 509 files before content calibration (AnalyzedDefinition.content), 20 after; attacks 223 both.
    // Then argument slots in content (secrets put "in `profile`"): attacks 251, files still 20; then a link
    // next to "other tools" counts only with a transfer word or a placeholder: files 13, attacks 252; "each key/value pair" is
    // not a secret in content: files 11; words to an AI reader judged as an injection (held-out results
    // rounds 2–4), labels at line starts only before prose: files 10.
    expect(flagged).toBeLessThanOrEqual(Math.ceil(docs.length * 0.025));
    expect(caught).toBeGreaterThanOrEqual(252);
  });

  it('quarantines few of the dependencies\' JavaScript sources', { timeout: 180_000 }, () => {
    const sources = documents('.js', 4096, 400 * 1024);
    expect(sources.length).toBeGreaterThan(1000);
    const flagged = sources.filter(quarantined).length;
    console.log(`result precision: ${flagged} of ${sources.length} JavaScript files quarantined`);
    // 2026-12-07: 48 of 1,558 before content calibration and the "||" fix of the pipe-to-interpreter signal, 30 after,
    // 22 once a link next to "other tools" needs a transfer word or a placeholder, 21 with structural "keys",
    // 22 again once URL-encoded prose is decoded (a URI library's test of "send%20index"), 19 with
    // command lures in content needing an order to run them.
    expect(flagged).toBeLessThanOrEqual(Math.ceil(sources.length * 0.016));
  });
});
