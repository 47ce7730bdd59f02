// Benchmark of the definition analysis (`scan --inventory`): generates inventories of 1k, 10k and
// 100k realistic tools (real definitions from the vendored corpus, each description made unique),
// parses them like the CLI does, runs tool + flow rules, and prints time, throughput and ratios.
// Then times the normaliser on 1 MB of adversarial text.
//
//   npm run bench:scan            (builds first)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { parseInventory } from '../dist/app/inventory.js';
import { analyzeDefinitions } from '../dist/app/analyze-definitions.js';
import { analyzeText } from '../dist/analysis/text.js';

const root = join(import.meta.dirname, '..');
const corpus = readFileSync(join(root, 'test/fixtures/corpus/benign.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

function inventory(n) {
  const servers = [];
  for (let i = 0; i < n; i++) {
    if (i % 25 === 0) servers.push({ name: `server-${servers.length}`, tools: [] });
    const base = corpus[i % corpus.length].tool;
    const tool = { ...base, name: `${base.name}_${i}`, description: `${base.description ?? ''} (deployment ${i}, region ${i % 17})` };
    servers[servers.length - 1].tools.push(tool);
  }
  return JSON.stringify({ servers });
}

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const results = [];
// The machine is often shared: report its load, and CPU time (process.cpuUsage) next to wall time.
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`${availableParallelism()} CPUs, load average ${load()} (1, 5, 15 min) at start`);
// Warm up the JIT and the lazily built tables (signal automaton, confusables) on a mid-size run,
// so the first measured size is not charged for compilation.
analyzeDefinitions(parseInventory(inventory(2000), 'warmup.json').snapshots);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (const n of sizes) {
  const text = inventory(n);
  const c0 = cpuMs();
  const t0 = performance.now();
  const inv = parseInventory(text, `bench-${n}.json`);
  const out = analyzeDefinitions(inv.snapshots);
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  results.push({ n, ms, cpu, mb: text.length / 1e6, findings: out.findings.length });
  console.log(
    `${String(n).padStart(7)} tools  ${(text.length / 1e6).toFixed(1).padStart(6)} MB  wall ${(ms / 1000).toFixed(2).padStart(6)} s  cpu ${(cpu / 1000).toFixed(2).padStart(6)} s  ${Math.round(n / (ms / 1000)).toString().padStart(7)} tools/s  ${(text.length / 1e6 / (ms / 1000)).toFixed(1).padStart(5)} MB/s  (${out.findings.length} findings)`,
  );
}
const byN = (n) => results.find((x) => x.n === n);
const ratio = (a, b, k) => (byN(a) && byN(b) ? (byN(a)[k] / byN(b)[k]).toFixed(1) : 'n/a');
console.log(`ratio 10k/1k: wall ${ratio(10_000, 1_000, 'ms')}, cpu ${ratio(10_000, 1_000, 'cpu')} (linear = 10)   ratio 100k/10k: wall ${ratio(100_000, 10_000, 'ms')}, cpu ${ratio(100_000, 10_000, 'cpu')} (linear = 10)`);
if (byN(10_000)) console.log(`10k tools: wall ${(byN(10_000).ms / 1000).toFixed(2)} s, cpu ${(byN(10_000).cpu / 1000).toFixed(2)} s (target < 2 s)`);
console.log(`load average ${load()} at end`);

console.log('\nNormaliser on 1 MB of adversarial text:');
const mb = (unit) => unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20);
const adversarial = { spaces: ' ', newlines: '\n', letters: 'a', base64: 'Ab0+', hex: 'af', percent: '%4', 'unicode escapes': '\\u004', binary: '0101010 ', morse: '.- ', 'comment openers': '<!--', 'tag soup': '<a ', 'zero-width': 'a\u200b', 'tag characters': '\u{E0041}', escapes: '\u001b[', 'near-miss phrases': 'ignore the previous do not tell curl http:// send the ' };
for (const [name, unit] of Object.entries(adversarial)) {
  const text = mb(unit);
  const t0 = performance.now();
  const a = analyzeText(text);
  for (const k of ['override', 'conceal', 'transfer', 'ext-dest', 'cross-tool', 'danger-cmd']) a.visible.signals.hits(k);
  console.log(`  ${name.padEnd(20)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
}
