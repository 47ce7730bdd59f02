/**
 * @fileoverview Speed of the config rules: runs every rule over 1k and 10k generated server
 * entries shaped like real configs (pinned and unpinned runners, docker, shells, remotes, env
 * tokens and placeholders), prints time and throughput per size, the 10k/1k ratio (linear ≈ 10),
 * the secretlint stage with and without its keyword prefilter on the same entries (the baseline,
 * measured in the same run), and per-rule time at 10k so a slow detector stands out.
 * Figures are medians of RUNS runs. `npm run bench:config`.
 */
import { mayHoldSecretlintSecret as mayHold, secretlintScan } from '../src/analysis/secretlint.js';
import { serverEntry, type ServerEntry, type ServerEntryInput } from '../src/model/index.js';
import { configRules } from '../src/rules/config/index.js';
import type { ConfigRule, ConfigRuleContext } from '../src/rules/config/types.js';
import { entryLintText } from '../src/rules/config/utils/entry-secrets.js';
import { runConfigRules } from '../src/rules/run-config.js';

const RUNS = 3;

const ctx: ConfigRuleContext = { home: '/home/u', platform: 'linux', fileMode: 0o644, envNames: new Set(['PATH', 'HOME', 'GITHUB_TOKEN']) };

/** A deterministic 36-character token (never a real credential). */
function token(i: number): string {
  let x = (i * 2654435761) % 2147483648;
  let s = '';
  for (let k = 0; k < 36; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[x % 62];
  }
  return s;
}

/** Alternates between the two variants of a shape (i itself always has the same parity within a shape). */
const alt = (i: number): boolean => Math.floor(i / SHAPES.length) % 2 === 1;

const base = { client: 'bench', scope: 'user' as const, configFile: '/home/u/.claude.json' };
const SHAPES: Array<(i: number) => ServerEntryInput> = [
  (i) => ({ ...base, name: `fs${i}`, transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', `/home/u/projects/p${i}`] }),
  (i) => ({ ...base, name: `gh${i}`, transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: alt(i) ? '${GITHUB_TOKEN}' : `ghp_${token(i)}` } }),
  (i) => ({ ...base, name: `fetch${i}`, transport: 'stdio', command: 'uvx', args: [alt(i) ? 'mcp-server-fetch' : 'mcp-server-fetch==2025.4.7'] }),
  (i) => ({ ...base, name: `docker${i}`, transport: 'stdio', command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', '-v', `/home/u/projects/p${i}:/work:ro`, 'ghcr.io/github/github-mcp-server'] }),
  (i) => ({ ...base, name: `remote${i}`, transport: 'http', url: `https://mcp${i}.example.com/mcp`, headers: { Authorization: 'Bearer ${API_TOKEN}' } }),
  (i) => ({ ...base, name: `shell${i}`, transport: 'stdio', command: 'bash', args: ['-lc', `source ~/.nvm/nvm.sh && npx -y mcp-remote@0.1.18 https://mcp${i}.example.com/sse`] }),
  (i) => ({ ...base, name: `win${i}`, transport: 'stdio', command: 'cmd', args: ['/c', 'npx', '-y', '@modelcontextprotocol/server-memory@2025.4.25'] }),
  (i) => ({ ...base, name: `api${i}`, transport: 'stdio', command: 'node', args: ['/opt/mcp/server.js', '--api-key', token(i + 7)], env: { BRAVE_API_KEY: 'YOUR_API_KEY_HERE', LOG_LEVEL: 'info' } }),
];

function entries(n: number): ServerEntry[] {
  return Array.from({ length: n }, (_, i) => serverEntry((SHAPES[i % SHAPES.length] as (i: number) => ServerEntryInput)(i)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function medianMs(run: () => Promise<void>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function rulesRun(rules: readonly ConfigRule[], list: readonly ServerEntry[]): Promise<number> {
  const { findings, errors } = await runConfigRules(rules, list, () => ctx);
  if (errors.length > 0) throw new Error(`rule errors: ${errors[0]?.message}`);
  return findings.length;
}

/** The secretlint stage alone, on the exact text the secret rule lints per entry. */
async function secretlintStage(texts: readonly string[], prefilter: boolean): Promise<number> {
  let hits = 0;
  for (const t of texts) hits += (await secretlintScan(t, { prefilter })).length;
  return hits;
}

const all = Object.values(configRules) as ConfigRule[];
await rulesRun(all, entries(2_000)); // warm-up: JIT and secretlint's lazy load
console.log(`config rules (${all.length}) over generated server entries, median of ${RUNS} runs`);
const full: Record<number, number> = {};
for (const n of [1_000, 10_000]) {
  const list = entries(n);
  const findings = await rulesRun(all, list);
  full[n] = await medianMs(async () => void (await rulesRun(all, list)));
  const ms = full[n] as number;
  console.log(`  ${String(n / 1000).padStart(2)}k entries: ${ms.toFixed(0).padStart(6)} ms  (${((n / ms) * 1000).toFixed(0)} entries/s, ${findings} findings)`);
}
console.log(`  10k/1k time ratio: ${((full[10_000] as number) / (full[1_000] as number)).toFixed(2)} (10 = linear)`);

console.log('secretlint stage (what config/secret-literal lints per entry), prefilter on vs off:');
for (const n of [1_000, 10_000]) {
  const texts = entries(n).map((e) => entryLintText(e).text);
  const linted = texts.filter((t) => t.length > 0).length;
  const hitsOn = await secretlintStage(texts, true);
  const hitsOff = await secretlintStage(texts, false);
  if (hitsOn !== hitsOff) throw new Error(`prefilter changed the result: ${hitsOn} hits vs ${hitsOff}`);
  const on = await medianMs(async () => void (await secretlintStage(texts, true)));
  const off = await medianMs(async () => void (await secretlintStage(texts, false)));
  const skippedShare = texts.filter((t) => t.length > 0 && !mayHold(t)).length / linted;
  console.log(
    `  ${String(n / 1000).padStart(2)}k entries: off ${off.toFixed(0).padStart(6)} ms, on ${on.toFixed(0).padStart(6)} ms, ` +
      `off/on ${(off / on).toFixed(2)}x, ${(skippedShare * 100).toFixed(0)}% of entries skipped, same ${hitsOn} hits`,
  );
}

console.log('per rule at 10k entries:');
const list = entries(10_000);
for (const rule of all) {
  const ms = await medianMs(async () => void (await rulesRun([rule], list)));
  console.log(`  ${rule.meta.id.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms`);
}
