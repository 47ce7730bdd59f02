// Long results are judged in overlapping segments (src/gateway/result-scanner.ts), so an injection
// buried in a large benign result is not lost behind the per-text hit caps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultScanner, SEGMENT_CHARS, SEGMENT_OVERLAP, segments } from '../../src/gateway/result-scanner.js';
import { atLeast } from '../../src/model/index.js';

describe('segments', () => {
  it('leaves a text up to the segment size whole', () => {
    expect(segments('short text')).toEqual(['short text']);
    const exact = 'x'.repeat(SEGMENT_CHARS);
    expect(segments(exact)).toEqual([exact]);
  });

  it('covers a long text with segments that overlap by the overlap, cut after a newline or space', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `row ${i} with some words`).join('\n');
    const parts = segments(text);
    expect(parts.length).toBeGreaterThan(5);
    let at = 0;
    for (const [i, part] of parts.entries()) {
      expect(part.length).toBeLessThanOrEqual(SEGMENT_CHARS);
      const start = text.indexOf(part, Math.max(0, at - SEGMENT_OVERLAP - 1));
      expect(start, `segment ${i} is a slice of the text`).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(at - start, `segment ${i} overlaps the previous one`).toBe(SEGMENT_OVERLAP);
      if (i < parts.length - 1) expect(/[\n ]$/.test(part), `segment ${i} ends after a blank`).toBe(true);
      at = start + part.length;
    }
    expect(at).toBe(text.length);
  });

  it('cuts mid-word only when no blank is near (one long token still gets covered)', () => {
    const text = 'a'.repeat(SEGMENT_CHARS * 3 + 5);
    const parts = segments(text);
    expect(parts.every((p) => p.length <= SEGMENT_CHARS)).toBe(true);
    expect(parts.join('').length - (parts.length - 1) * SEGMENT_OVERLAP).toBe(text.length);
  });
});

describe('injections buried in large results', () => {
  const root = join(import.meta.dirname, '../..');
  const attacks = ['test/fixtures/corpus/malicious.jsonl', 'test/fixtures/extra/attacks.jsonl', 'test/fixtures/extra/attacks2.jsonl']
    .flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => (JSON.parse(l) as { tool: { description?: unknown } }).tool.description)
    .filter((d): d is string => typeof d === 'string' && d.length > 0);
  const rows: string[] = [];
  for (let n = 0, len = 0; len < 100 * 1024; n++) {
    const row = JSON.stringify({ id: n, title: `Quarterly report section ${n}`, summary: 'Revenue grew in the northern region while costs stayed flat; see the appendix for details.', url: `https://intranet.example.com/reports/${n}` });
    rows.push(row);
    len += row.length + 1;
  }
  const host = rows.join('\n');
  const middle = host.indexOf('\n', host.length >> 1);
  const scanner = resultScanner(() => undefined);
  const flagged = (text: string) => scanner.scan([text], { server: 's', target: 't' }).some((h) => atLeast(h.severity, 'medium'));

  it('are flagged wherever they stand in 100 KB of benign rows, as they are on their own', { timeout: 300_000 }, () => {
    expect(flagged(host)).toBe(false);
    const alone = attacks.filter(flagged);
    expect(alone.length).toBeGreaterThan(200);
    const missed: string[] = [];
    for (const attack of alone) {
      for (const text of [`${attack}\n${host}`, `${host.slice(0, middle)}\n${attack}\n${host.slice(middle)}`, `${host}\n${attack}`]) if (!flagged(text)) missed.push(attack);
    }
    // The one known exception: leetspeak is recognised by its density, which 16 KB of rows dilutes.
    expect(missed.filter((a) => !/1GN0R3 4LL PR3V10U5/.test(a))).toEqual([]);
  });
});
