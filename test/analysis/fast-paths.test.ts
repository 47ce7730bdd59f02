// The shortcuts that let large benign texts be scanned quickly must never skip what the full work
// would find. Every attack description of the corpus is placed at the start, in the middle and at
// the end of 100 KB of benign result text (the gateway's case), and each shortcut is compared
// with the work it replaces: signal regexes run around their anchors against the same regexes over
// the whole text, the one-pass character facts against the checks they stand for, and the
// disguise readings with the dictionary hints against the readings without them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charFacts } from '../../src/analysis/char-facts.js';
import { referenceFacts } from '../helpers/char-facts-reference.js';
import { findDisguises } from '../../src/analysis/encodings.js';
import { SIGNAL_PATTERNS, SignalSet, type SignalKind } from '../../src/analysis/signals/index.js';
import { VIEW_PATTERNS, type ViewPattern } from '../../src/analysis/signals/view-patterns.js';
import { collapseWhitespace } from '../../src/analysis/text.js';

const root = join(import.meta.dirname, '../..');
const attacks = ['test/fixtures/corpus/malicious.jsonl', 'test/fixtures/extra/attacks.jsonl', 'test/fixtures/extra/attacks2.jsonl']
  .flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n').filter((l) => l.trim()))
  .map((l) => (JSON.parse(l) as { tool: { description?: unknown } }).tool.description)
  .filter((d): d is string => typeof d === 'string' && d.length > 0);

/** 100 KB of report rows (the gateway benchmark's payload) with an attack at the start, middle or end. */
const host = (() => {
  const rows: string[] = [];
  for (let n = 0, len = 0; len < 100 * 1024; n++) {
    const row = JSON.stringify({ id: n, title: `Quarterly report section ${n}`, summary: 'Revenue grew in the northern region while costs stayed flat; see the appendix for details.', url: `https://intranet.example.com/reports/${n}` });
    rows.push(row);
    len += row.length + 1;
  }
  return rows.join('\n');
})();
const middle = host.indexOf('\n', host.length >> 1);
const placed = (attack: string): Array<[string, string]> => [
  ['start', `${attack}\n${host}`],
  ['middle', `${host.slice(0, middle)}\n${attack}\n${host.slice(middle)}`],
  ['end', `${host}\n${attack}`],
];

const KINDS = [...new Set(SIGNAL_PATTERNS.map((p) => p.kind))] as SignalKind[];

describe('fast paths on attacks inside 100 KB of benign text', () => {
  it('signal and assessor regexes run around their anchors find exactly what they find over the whole text', { timeout: 300_000 }, () => {
    expect(attacks.length).toBeGreaterThan(300);
    for (const [i, attack] of attacks.entries()) {
      for (const [where, text] of placed(attack)) {
        const lower = collapseWhitespace(text).toLowerCase();
        const fast = new SignalSet(lower, { planned: true });
        const full = new SignalSet(lower, { planned: false });
        for (const kind of KINDS) expect(fast.hits(kind), `attack ${i} at the ${where}, ${kind}`).toEqual(full.hits(kind));
        for (const name of Object.keys(VIEW_PATTERNS) as ViewPattern[]) expect(fast.first(name), `attack ${i} at the ${where}, ${name}`).toEqual(full.first(name));
        expect(fast.quiet).toBe(full.quiet);
      }
    }
  });

  it('the one-pass character facts equal the checks they replace, and the disguise hints change no reading', { timeout: 300_000 }, () => {
    for (const [i, attack] of attacks.entries()) {
      for (const [where, text] of placed(attack)) {
        const f = charFacts(text);
        const r = referenceFacts(text);
        expect({ ascii: f.ascii, base64Run: f.base64Run, hex16: f.hex16, base32x16: f.base32x16, binary8: f.binary8, separatedHex: f.separatedHex, leet: f.leet, looseWhitespace: f.looseWhitespace }, `attack ${i} at the ${where}`).toEqual({
          ascii: r.ascii, base64Run: r.base64Run, hex16: r.hex16, base32x16: r.base32x16, binary8: r.binary8, separatedHex: r.separatedHex, leet: r.leet, looseWhitespace: r.looseWhitespace,
        });
        const signals = new SignalSet(text.toLowerCase());
        const hinted = findDisguises(text, { facts: f, dictionaryWords: (d) => signals.dictionaryWords(d) });
        expect(hinted, `attack ${i} at the ${where}`).toEqual(findDisguises(text));
      }
    }
  });
});

describe('warmUpAnalysis', () => {
  it('prepares the plans ahead of time without changing what is found', async () => {
    const { warmUpAnalysis } = await import('../../src/analysis/warm-up.js');
    const { findSecrets } = await import('../../src/analysis/secrets.js');
    const text = `${host}\nAKIAIOSFODNN7EXAMPLE ${attacks[0] ?? ''}`;
    const before = { hits: new SignalSet(text.toLowerCase()).hits('conceal'), secrets: findSecrets(text) };
    warmUpAnalysis();
    expect({ hits: new SignalSet(text.toLowerCase()).hits('conceal'), secrets: findSecrets(text) }).toEqual(before);
    expect(before.secrets.length).toBeGreaterThan(0);
  });
});
