// A long result may be judged in two shares, one of them by a helper thread
// (src/gateway/shared-result-scanner.ts). The merged verdict must name the same rules at the same
// severities as one scan of the whole result, and a share the helper cannot finish is judged in
// this thread, never passed as clean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../../bench/result-scan-texts.js';
import { mergeHits, resultParts, resultScanner, RULES, scanParts } from '../../src/gateway/result-scanner.js';
import { SharedResultScanner } from '../../src/gateway/shared-result-scanner.js';
import type { ResultScanHit } from '../../src/gateway/middleware/output-scan/index.js';

const where = { server: 's', target: 't' };
const quiet = () => undefined;
const verdict = (hits: readonly ResultScanHit[]) => hits.map((h) => `${h.ruleId}:${h.severity}`);

const root = join(import.meta.dirname, '../..');
const attacks = readFileSync(join(root, 'test/fixtures/corpus/malicious.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { tool: { description?: unknown } }).tool.description)
  .filter((d): d is string => typeof d === 'string' && d.length > 40);
const host = (TEXTS[0] as (typeof TEXTS)[number]).make(100 * 1024);
const middle = host.indexOf('\n', host.length >> 1);
/** Every 8th corpus attack at the start, in the middle and at the end of 100 KB of report rows. */
const buried = attacks
  .filter((_, i) => i % 8 === 0)
  .flatMap((a) => [`${a}\n${host}`, `${host.slice(0, middle)}\n${a}\n${host.slice(middle)}`, `${host}\n${a}`]);

describe('verdicts merged from shares', () => {
  it('name the rules and severities of one scan, wherever the result is split', () => {
    const texts = [...TEXTS.map((t) => t.make(100 * 1024)), ...buried];
    let flagged = 0;
    for (const text of texts) {
      const parts = resultParts([text]);
      expect(parts.length).toBeGreaterThan(2);
      const whole = verdict(scanParts(parts, where, quiet));
      if (whole.length > 0) flagged++;
      for (const split of [1, parts.length >> 1, parts.length - 1]) {
        const merged = mergeHits([scanParts(parts.slice(0, split), where, quiet), scanParts(parts.slice(split), where, quiet)]);
        expect(verdict(merged), `split at part ${split} of ${parts.length}`).toEqual(whole);
      }
    }
    // The comparison means something only if many of the texts were flagged.
    expect(flagged).toBeGreaterThan(buried.length * 0.9);
  });

  it('count reports together and keep the highest severity', () => {
    const merged = mergeHits([
      [{ ruleId: 'tool/data-exfiltration', severity: 'medium', count: 2 }],
      [
        { ruleId: 'tool/hidden-instructions', severity: 'high', count: 1 },
        { ruleId: 'tool/data-exfiltration', severity: 'critical', count: 1 },
      ],
    ]);
    // In the order of the rules, as one scan lists them.
    const order = RULES.map((r) => r.meta.id);
    expect(merged.map((h) => h.ruleId)).toEqual(['tool/hidden-instructions', 'tool/data-exfiltration'].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(merged.find((h) => h.ruleId === 'tool/data-exfiltration')).toEqual({ ruleId: 'tool/data-exfiltration', severity: 'critical', count: 3 });
  });
});

describe('the shared result scanner', () => {
  const logs: string[] = [];
  const scanners: SharedResultScanner[] = [];
  const make = (options?: ConstructorParameters<typeof SharedResultScanner>[1]) => {
    const s = new SharedResultScanner((m) => logs.push(m), options);
    scanners.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of scanners) await s.close();
  });
  const inThread = resultScanner(quiet);
  const attack = buried[buried.length - 1] as string;

  /** Starts the helper with a first long result and waits until it has built its tables. */
  async function ready(s: SharedResultScanner): Promise<void> {
    s.scanResult([host], where);
    while (s.helperState === 'starting') await new Promise((r) => setImmediate(r));
    expect(s.helperState).toBe('ready');
  }

  it('judges short results in this thread and starts no helper for them', () => {
    const s = make();
    expect(s.scanResult(['Weather: sunny'], where)).toEqual([]);
    expect(s.scanResult([host.slice(0, 20_000)], where)).toEqual([]);
    expect(s.helperState).toBe('none');
  });

  it('shares a long result with the helper once it is ready, with the verdict of one scan', { timeout: 120_000 }, async () => {
    const s = make();
    await ready(s);
    const before = s.shared;
    const found = s.scanResult([attack], where);
    expect(found).toBeInstanceOf(Promise);
    expect(verdict(await found)).toEqual(verdict(inThread.scan([attack], where)));
    expect(verdict(await found).length).toBeGreaterThan(0);
    expect(await s.scanResult([host], where)).toEqual([]);
    expect(s.shared).toBe(before + 2);
    expect(s.helperState).toBe('ready');
  });

  it('judges the share here when the helper stops before answering', { timeout: 120_000 }, async () => {
    const s = make();
    await ready(s);
    const found = s.scanResult([attack], where);
    await s.close();
    expect(verdict(await found)).toEqual(verdict(inThread.scan([attack], where)));
    expect(s.helperState).toBe('gone');
    // Later long results are judged here, whole.
    expect(Array.isArray(s.scanResult([attack], where))).toBe(true);
  });

  it('uses no helper when told not to (or on a machine with one CPU)', () => {
    const s = make({ helper: false });
    expect(verdict(s.scanResult([attack], where) as ResultScanHit[])).toEqual(verdict(inThread.scan([attack], where)));
    expect(s.helperState).toBe('gone');
    expect(s.shared).toBe(0);
  });
});
