import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeywordSet } from '../../src/analysis/keyword-set.js';
import { candidateWindows, forEachPlannedMatch, planRegex, type RegexPlan } from '../../src/analysis/regex-plan.js';
import { SECRET_PATTERNS } from '../../src/analysis/secret-patterns.js';
import { SIGNAL_PATTERNS } from '../../src/analysis/signals/index.js';
import { VIEW_PATTERNS } from '../../src/analysis/signals/view-patterns.js';

// Deterministic pseudo-random generator, so a failure reproduces.
function generator(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
}

/** Every match of `re` by repeated exec over the whole text (empty matches skipped as the engine's callers do). */
function fullMatches(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(`${m.index}:${m[0]}:${m.slice(1).join('|')}`);
  }
  re.lastIndex = 0;
  return out;
}

/** The same, run only around the plan's anchors, found by an automaton over `lookup` (the text or its lowercase). */
function plannedMatches(re: RegExp, plan: RegexPlan, text: string, lookup = text): string[] {
  const set = new KeywordSet(plan.anchors.map((a) => a.literal));
  const hits = set.scan(lookup);
  const ids = plan.anchors.map((a) => set.keywords.indexOf(a.literal));
  const windows = candidateWindows(re, plan, text, ids.map((id) => hits.ends(id)));
  const out: string[] = [];
  forEachPlannedMatch(re, text, plan, windows, (m, offset) => {
    out.push(`${m.index + offset}:${m[0]}:${m.slice(1).join('|')}`);
    return true;
  });
  return out;
}

describe('planRegex: anchors and read bounds', () => {
  it('reads literals, classes, alternations and repetitions', () => {
    const word = { atoms: ['[^A-Za-z0-9_]'], edge: true };
    expect(planRegex(/\bignore (?:all )?previous\b/g)).toEqual({
      anchors: [
        { literal: 'ignore previous', min: 0, max: 0, before: word, after: word, clause: 0, group: 0 },
        { literal: 'ignore all previous', min: 0, max: 0, before: word, after: word, clause: 0, group: 0 },
      ],
      ahead: 20,
      behind: 1,
    });
    // Two literals both needed: windows around "previous" that also have "ignore" at the right distance.
    expect(planRegex(/\bignore\s(?:all\s)?previous\b/g)?.anchors).toEqual([
      { literal: 'previous', min: 7, max: 11, before: { atoms: ['\\s'], edge: false }, after: word, clause: 0, group: 0 },
      { literal: 'ignore', min: 0, max: 0, before: word, after: { atoms: ['\\s'], edge: false }, clause: 0, group: 1 },
    ]);
    expect(planRegex(/\bgh[pousr]_[A-Za-z0-9]{36,255}/g)?.anchors.map((a) => a.literal)).toEqual(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']);
    expect(planRegex(/(?:https?|ftp):\/\/\S{3,20}/g)?.anchors.map((a) => a.literal)).toEqual(['http://', 'https://', 'ftp://']);
    // A positive lookahead's literals are in the text too. With the u flag a class may match a
    // surrogate pair: two code units per character.
    expect(planRegex(/(?<![a-z]{2,3})foo(?=ba[rz])/gu)).toMatchObject({ anchors: [{ literal: 'bar', min: 3, max: 3 }, { literal: 'baz', min: 3, max: 3 }], ahead: 6, behind: 6 });
    expect(planRegex(/(?<![a-z]{2,3})foo(?=ba[rz])/g)).toMatchObject({ ahead: 6, behind: 3 });
    expect(planRegex(/a.{0,10}b/gu)).toMatchObject({ anchors: [{ literal: 'b', min: 1, max: 21 }], ahead: 22, behind: 0 });
    expect(planRegex(/\bx\s+y/g)?.ahead).toBe(Infinity);
    expect(planRegex(/\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,200}:)([^\s@/]{1,200})(?=@)/dgi, true)?.anchors.map((a) => [a.literal, a.group])).toEqual([['://', 0], ['@', 1]]);
  });

  it('records what must stand next to an anchor: a blank after "report", a line start before "system:"', () => {
    expect(planRegex(/\b(?:say|report)(?: only)? that\b/g)?.anchors.map((a) => [a.literal, a.after])).toEqual([
      ['say that', { atoms: ['[^A-Za-z0-9_]'], edge: true }],
      ['say only that', { atoms: ['[^A-Za-z0-9_]'], edge: true }],
      ['report that', { atoms: ['[^A-Za-z0-9_]'], edge: true }],
      ['report only that', { atoms: ['[^A-Za-z0-9_]'], edge: true }],
    ]);
    const marker = planRegex(/^\s{0,8}(?:system|note)\s{0,3}[:：]/gm)?.anchors[0];
    expect(marker?.before).toEqual({ atoms: ['\\s', '[\\n\\r\\u2028\\u2029]'], edge: true });
    expect(marker?.after).toEqual({ atoms: ['\\s', ':', '：'], edge: false });
  });

  it('folds literals to lowercase for case-insensitive regexes, and only ASCII ones', () => {
    expect(planRegex(/Bearer\s(x)/dgi)?.anchors.map((a) => a.literal)).toEqual(['bearer']);
    expect(planRegex(/AKIA[A-Z0-9]{16}/g, true)?.anchors.map((a) => a.literal)).toEqual(['akia']);
    expect(planRegex(/пароль|x/gi)).toBeUndefined();
    expect(planRegex(/secret/giu)).toBeUndefined();
  });

  it('gives no plan where a match may hold no literal, may be empty, or the syntax is not understood', () => {
    expect(planRegex(/[a-z]{2}\d{2}/g)).toBeUndefined();
    expect(planRegex(/foo|\d+/g)).toBeUndefined();
    expect(planRegex(/(?:foo)?/g)).toBeUndefined();
    expect(planRegex(/(a)\1/g)).toBeUndefined();
    expect(planRegex(/foo/)).toBeUndefined(); // not global
    expect(planRegex(/foo/gy)).toBeUndefined();
  });
});

describe('forEachPlannedMatch finds exactly what exec over the whole text finds', () => {
  it('on random regexes and texts over a small alphabet (edges, lookarounds, anchors at slice borders)', () => {
    const rnd = generator(2024);
    const alphabet = ['a', 'b', 'c', ' ', '\n', 'ab', 'ba', 'abc', '-', '😀', 'é'];
    const atoms = ['a', 'b', 'c', 'ab', 'abc', '[ab]', '[^a]', '.', '\\s', '\\w', '\\b', '^', '$', '(?=a)', '(?!b)', '(?<=c)', '(?<!a)', '-', '😀', '\\p{L}'];
    const quantifiers = ['', '', '', '?', '{1,3}', '{0,2}', '{2}', '+', '*', '{1,3}?'];
    let planned = 0;
    for (let r = 0; r < 600; r++) {
      const alts = Array.from({ length: 1 + rnd(3) }, () => Array.from({ length: 1 + rnd(5) }, () => {
        const atom = atoms[rnd(atoms.length)] as string;
        const zeroWidth = atom.startsWith('(?') || atom === '\\b' || atom === '^' || atom === '$';
        return zeroWidth ? atom : `(?:${atom})${quantifiers[rnd(quantifiers.length)]}`;
      }).join(''));
      const flags = `g${['', 'm', 'u', 'mu', 's'][rnd(5)]}`;
      let re: RegExp;
      try {
        re = new RegExp(alts.join('|'), flags);
      } catch {
        continue; // e.g. \p without u
      }
      const plan = planRegex(re);
      if (plan === undefined) continue;
      planned++;
      for (let t = 0; t < 15; t++) {
        const text = Array.from({ length: rnd(400) }, () => alphabet[rnd(alphabet.length)]).join('');
        expect(plannedMatches(re, plan, text), `${re} on ${JSON.stringify(text)}`).toEqual(fullMatches(re, text));
      }
    }
    expect(planned).toBeGreaterThan(150);
  });

  it('on random word-like regexes (\\b, blanks, alternations, case-insensitive) where neighbours filter occurrences', () => {
    const rnd = generator(77);
    const alphabet = ['a', 'b', 'c', 'A', 'B', ' ', '\n', ':', 'ab ', 'ba:', '_', '1', 'abc', 'cab', '\u00e9', '\u212a', '@', 'hello', 'world ', 'there'];
    const atoms = ['ab', 'ba', 'abc', 'k', '\\b', '\\b', '\\s', '[ab]', '(?:ab|ba)', '(?:a|ca)', 'c', ' ', '^', '$', '\\w', '\\W', '.', ':', '[:c]', '(?=b)', '(?<!a)', '@', 'hello', '(?:world|there)', '(?=@)', '(?=hello)'];
    const quantifiers = ['', '', '', '', '?', '{1,2}', '{0,2}', '{2}'];
    let planned = 0;
    let filtering = 0;
    let grouped = 0;
    for (let r = 0; r < 2500; r++) {
      const alts = Array.from({ length: 1 + rnd(3) }, () => Array.from({ length: 1 + rnd(6) }, () => {
        const atom = atoms[rnd(atoms.length)] as string;
        const zeroWidth = atom.startsWith('(?=') || atom.startsWith('(?<') || atom === '\\b' || atom === '^' || atom === '$';
        return zeroWidth ? atom : `(?:${atom})${quantifiers[rnd(quantifiers.length)]}`;
      }).join(''));
      const re = new RegExp(alts.join('|'), `g${['', 'm', 'i', 'mi', 'u', 's'][rnd(6)]}`);
      const plan = planRegex(re);
      if (plan === undefined) continue;
      planned++;
      if (plan.anchors.some((a) => a.before !== undefined || a.after !== undefined)) filtering++;
      if (plan.anchors.some((a) => a.group > 0)) grouped++;
      for (let t = 0; t < 12; t++) {
        const text = Array.from({ length: rnd(300) }, () => alphabet[rnd(alphabet.length)]).join('');
        const lookup = re.ignoreCase ? text.toLowerCase() : text;
        if (lookup.length !== text.length) continue;
        expect(plannedMatches(re, plan, text, lookup), `${re} on ${JSON.stringify(text)}`).toEqual(fullMatches(re, text));
      }
    }
    expect(planned).toBeGreaterThan(800);
    expect(filtering).toBeGreaterThan(300);
    expect(grouped).toBeGreaterThan(100);
  });

  // Texts the detection tables meet: their own samples, the corpus, and mixtures of their literals.
  const root = join(import.meta.dirname, '../..');
  const corpus = ['test/fixtures/corpus/malicious.jsonl', 'test/fixtures/corpus/benign.jsonl', 'test/fixtures/extra/attacks.jsonl']
    .flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => JSON.stringify(JSON.parse(l) as unknown));
  const corpusText = corpus.join('\n');

  function mixtures(samples: readonly string[], plan: RegexPlan, seed: number): string[] {
    const rnd = generator(seed);
    const words = [...samples.flatMap((s) => s.split(/(\s+)/)), ...plan.anchors.map((a) => a.literal), ' ', '\n', '. ', '`', '"', 'x', '😀', 'ü'];
    return Array.from({ length: 40 }, () => Array.from({ length: 5 + rnd(120) }, () => words[rnd(words.length)]).join(rnd(2) ? ' ' : ''));
  }

  it('for every planned signal pattern (on the lowercased text, as the signal engine runs them)', () => {
    let planned = 0;
    for (const [k, p] of SIGNAL_PATTERNS.entries()) {
      const plan = planRegex(p.regex);
      if (plan === undefined) continue;
      planned++;
      const texts = [...p.truePositives, ...p.falsePositives, corpusText, ...mixtures([...p.truePositives, ...p.falsePositives], plan, k)].map((t) => t.toLowerCase());
      for (const text of texts) expect(plannedMatches(p.regex, plan, text), `${p.id} on ${JSON.stringify(text.slice(0, 200))}`).toEqual(fullMatches(p.regex, text));
    }
    expect(planned).toBeGreaterThan(SIGNAL_PATTERNS.length - 3);
  });

  it('for every assessor regex over a whole view (global copies, as SignalSet.first runs them)', () => {
    for (const [k, [name, re]] of Object.entries(VIEW_PATTERNS).entries()) {
      const global = new RegExp(re.source, `${re.flags}g`);
      const plan = planRegex(global);
      expect(plan, name).toBeDefined();
      const texts = [corpusText, ...mixtures([], plan as RegexPlan, 500 + k)].map((t) => t.toLowerCase());
      for (const text of texts) expect(plannedMatches(global, plan as RegexPlan, text), `${name} on ${JSON.stringify(text.slice(0, 200))}`).toEqual(fullMatches(global, text));
    }
  });

  it('for every planned secret pattern (anchors looked up in the lowercased text, the regex on the original)', () => {
    for (const [k, p] of SECRET_PATTERNS.entries()) {
      const plan = planRegex(p.regex, true);
      if (plan === undefined) continue;
      const texts = [...p.truePositives, ...p.falsePositives, corpusText, ...mixtures([...p.truePositives, ...p.falsePositives], plan, 100 + k)];
      for (const text of texts) expect(plannedMatches(p.regex, plan, text, text.toLowerCase()), `${p.id} on ${JSON.stringify(text.slice(0, 200))}`).toEqual(fullMatches(p.regex, text));
    }
  });
});
