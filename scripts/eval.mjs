// Measures detection quality on the labeled corpus: recall per category, overall recall, false
// positive rate and precision at a severity threshold, plus the misses. Runs on the built code.
//
//   npm run eval                        # vendored corpus (test/fixtures/corpus)
//   npm run eval -- --corpus DIR        # another corpus with benign.jsonl + malicious.jsonl
//   npm run eval -- --threshold high    # count only findings at or above "high"
//   npm run eval -- --extra FILE        # extra attack samples (default test/fixtures/extra/attacks.jsonl)
//   npm run eval -- --json              # machine-readable output
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ServerSnapshotSchema, atLeast } from '../dist/model/index.js';
import { runToolRules } from '../dist/rules/run-tool.js';
import { toolRules } from '../dist/rules/tool/index.js';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(root, 'test/fixtures/corpus') },
    extra: { type: 'string', multiple: true, default: [join(root, 'test/fixtures/extra/attacks.jsonl'), join(root, 'test/fixtures/extra/attacks2.jsonl')] },
    'extra-benign': { type: 'string', multiple: true, default: [join(root, 'test/fixtures/extra/benign2.jsonl')] },
    threshold: { type: 'string', default: 'medium' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});

function load(file) {
  if (!existsSync(file)) throw new Error(`not found: ${file}`);
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${e.message}`);
    }
  });
}

/** Deterministic half split by record id: "A" to tune on, "B" held out. */
const half = (id) => (createHash('sha256').update(id).digest()[0] % 2 === 0 ? 'A' : 'B');

const rules = Object.values(toolRules);
function judge(rec) {
  const snapshot = ServerSnapshotSchema.parse({ name: rec.server.name, source: 'inventory', ...(rec.server.instructions ? { instructions: rec.server.instructions } : {}), tools: [rec.tool] });
  const { findings, errors } = runToolRules(rules, [snapshot]);
  if (errors.length > 0) throw new Error(`${rec.id}: ${errors.map((e) => e.message).join('; ')}`);
  const counted = findings.filter((f) => atLeast(f.severity, values.threshold));
  return { flagged: counted.length > 0, findings: counted };
}

const t0 = performance.now();
const benign = load(join(values.corpus, 'benign.jsonl')).map((r) => ({ ...r, ...judge(r) }));
const malicious = load(join(values.corpus, 'malicious.jsonl')).map((r) => ({ ...r, ...judge(r) }));
const extra = values.extra.filter((f) => existsSync(f)).flatMap((f) => load(f)).map((r) => ({ ...r, ...judge(r) }));
const extraBenign = values['extra-benign'].filter((f) => existsSync(f)).flatMap((f) => load(f)).map((r) => ({ ...r, ...judge(r) }));
const ms = performance.now() - t0;

function metrics(ben, mal) {
  const tp = mal.filter((r) => r.flagged).length;
  const fp = ben.filter((r) => r.flagged).length;
  const byCat = {};
  for (const r of mal) {
    const c = (byCat[r.category] ??= { n: 0, hit: 0 });
    c.n++;
    if (r.flagged) c.hit++;
  }
  return {
    malicious: mal.length,
    benign: ben.length,
    recall: mal.length ? tp / mal.length : 0,
    fpr: ben.length ? fp / ben.length : 0,
    precision: tp + fp ? tp / (tp + fp) : 0,
    truePositives: tp,
    falsePositives: fp,
    byCategory: Object.fromEntries(Object.entries(byCat).sort().map(([k, v]) => [k, { ...v, recall: v.hit / v.n }])),
  };
}

const all = metrics(benign, malicious);
const a = metrics(benign.filter((r) => half(r.id) === 'A'), malicious.filter((r) => half(r.id) === 'A'));
const b = metrics(benign.filter((r) => half(r.id) === 'B'), malicious.filter((r) => half(r.id) === 'B'));
const ex = metrics(extraBenign, extra);
const misses = malicious.filter((r) => !r.flagged).map((r) => ({ id: r.id, category: r.category, half: half(r.id) }));
const falsePositives = benign.filter((r) => r.flagged).map((r) => ({ id: r.id, half: half(r.id), findings: r.findings.map((f) => `${f.ruleId} ${f.severity} ${f.location.field ?? ''}: ${(f.evidence ?? '').slice(0, 120)}`) }));
const extraMisses = extra.filter((r) => !r.flagged).map((r) => ({ id: r.id, category: r.category }));
const extraFalsePositives = extraBenign.filter((r) => r.flagged).map((r) => ({ id: r.id, findings: r.findings.map((f) => `${f.ruleId} ${f.severity}`) }));

if (values.json) {
  console.log(JSON.stringify({ threshold: values.threshold, corpus: values.corpus, all, tuneHalf: a, holdoutHalf: b, extra: ex, misses, falsePositives, extraMisses, extraFalsePositives, ms: Math.round(ms) }, null, 2));
} else {
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  console.log(`mcp-warden eval — corpus ${values.corpus}, counting findings >= ${values.threshold}`);
  console.log(`${malicious.length} malicious, ${benign.length} benign records, ${Object.keys(toolRules).length} tool rules, ${Math.round(ms)} ms\n`);
  console.log('Recall per category');
  for (const [cat, c] of Object.entries(all.byCategory)) console.log(`  ${cat.padEnd(24)} ${String(c.hit).padStart(3)}/${String(c.n).padEnd(3)} ${pct(c.recall)}`);
  const line = (name, m) => `  ${name.padEnd(24)} recall ${pct(m.recall).padStart(6)}  FPR ${pct(m.fpr).padStart(5)} (${m.falsePositives}/${m.benign})  precision ${pct(m.precision)}`;
  console.log('\nOverall');
  console.log(line('all records', all));
  console.log(line('tuning half (A)', a));
  console.log(line('held-out half (B)', b));
  if (extra.length) console.log(line('extra samples', ex) + '  (project-written, not in the corpus)');
  console.log(`\nMisses (${misses.length}):`);
  for (const m of misses) console.log(`  [${m.half}] ${m.id}`);
  if (extraMisses.length) {
    console.log(`\nExtra-sample misses (${extraMisses.length}):`);
    for (const m of extraMisses) console.log(`  ${m.id}`);
  }
  if (extraFalsePositives.length) {
    console.log(`\nExtra-sample false positives (${extraFalsePositives.length}):`);
    for (const f of extraFalsePositives) console.log(`  ${f.id}: ${f.findings.join(', ')}`);
  }
  console.log(`\nFalse positives at >= ${values.threshold} (${falsePositives.length}):`);
  for (const f of falsePositives) console.log(`  [${f.half}] ${f.id}\n      ${f.findings.join('\n      ')}`);
  if (values.verbose) {
    console.log('\nDetections:');
    for (const r of malicious.filter((x) => x.flagged)) console.log(`  ${r.id}: ${r.findings.map((f) => `${f.ruleId}/${f.severity}`).join(', ')}`);
  }
}
