/**
 * @fileoverview Speed of the gateway's result scanning, the part of its added latency that grows
 * with the result: `resultScanner().scan` (normalisation, hidden and decoded views, every tool
 * rule) and `findSecrets` (DLP), at 1 KB and 100 KB, on each text of bench/result-scan-texts.ts.
 * Prints the median (p50) and p90 time per call. Every call gets a fresh, flat string (a variant
 * of the text with its last characters changed, copied through JSON as the gateway receives it),
 * so no cache keyed by the text can help. The last column lists what the scan reported, so a
 * benign text that starts to be flagged, or an attack that stops being found, shows. "shared" is
 * the same scan as the gateway runs it on a long result, with a helper thread judging half of the
 * segments (src/gateway/shared-result-scanner.ts); its ratio to "scan" is measured in the same run.
 *
 *   npm run bench:result-scan                 # every text
 *   npm run bench:result-scan -- prose log    # texts whose name contains one of the words
 */
import { cpus, loadavg } from 'node:os';
import { findSecrets } from '../src/analysis/secrets.js';
import { resultScanner } from '../src/gateway/result-scanner.js';
import { SHARE_MIN_CHARS, SharedResultScanner } from '../src/gateway/shared-result-scanner.js';
import { TEXTS } from './result-scan-texts.js';

const SIZES = [1024, 100 * 1024];
/** Calls timed per text, size and function (after WARMUP untimed calls). */
const CALLS: Record<number, number> = { 1024: 2000, [100 * 1024]: 120 };
const WARMUP = 20;

const scanner = resultScanner((m) => console.error(m));
const where = { server: 'bench', target: 'result' };

/** `count` distinct flat strings of the same length as `text`. */
function variants(text: string, count: number): string[] {
  const out: string[] = new Array<string>(count);
  for (let k = 0; k < count; k++) out[k] = JSON.parse(JSON.stringify(`${text.slice(0, -7)} ${k.toString(36).padStart(6, '0')}`)) as string;
  return out;
}

function percentiles(run: (text: string) => unknown, texts: readonly string[]): { p50: number; p90: number } {
  for (let i = 0; i < WARMUP; i++) run(texts[i % texts.length] as string);
  const ms: number[] = [];
  for (const t of texts) {
    const t0 = performance.now();
    run(t);
    ms.push(performance.now() - t0);
  }
  return summarise(ms);
}

/** percentiles() for a run whose result may come later (the shared scanner's promise). */
async function percentilesAsync(run: (text: string) => unknown, texts: readonly string[]): Promise<{ p50: number; p90: number }> {
  for (let i = 0; i < WARMUP; i++) await run(texts[i % texts.length] as string);
  const ms: number[] = [];
  for (const t of texts) {
    const t0 = performance.now();
    await run(t);
    ms.push(performance.now() - t0);
  }
  return summarise(ms);
}

function summarise(ms: number[]): { p50: number; p90: number } {
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length * 0.5)] ?? 0, p90: ms[Math.floor(ms.length * 0.9)] ?? 0 };
}

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`).padStart(9);

const filters = process.argv.slice(2);
const selected = TEXTS.filter((t) => filters.length === 0 || filters.some((f) => t.name.includes(f)));

console.log(`result scan: node ${process.version}, ${cpus().length} cpus, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
// The first long text pays for one-time work (regex plans, automata): shown apart, not in the medians.
{
  const first = (TEXTS[0] as (typeof TEXTS)[number]).make(100 * 1024);
  const t0 = performance.now();
  scanner.scan([first], where);
  const t1 = performance.now();
  findSecrets(first);
  console.log(`first 100 KB text (one-time setup included): scan ${fmt(t1 - t0).trim()}, findSecrets ${fmt(performance.now() - t1).trim()}`);
}
// The helper thread starts with the first long result and takes work once its tables are built.
const shared = new SharedResultScanner((m) => console.error(m), { helper: true });
shared.scanResult([(TEXTS[0] as (typeof TEXTS)[number]).make(100 * 1024)], where);
while (shared.helperState === 'starting') await new Promise((r) => setTimeout(r, 10));
if (shared.helperState !== 'ready') console.log(`the helper thread did not start (${shared.helperState}): "shared" is one thread`);
// Its code warms up on every shape first, as the main thread's did on the first text.
for (const t of selected) for (const text of variants(t.make(100 * 1024), 5)) await shared.scanResult([text], where);
console.log(`${'text'.padEnd(16)} ${'size'.padStart(6)}   ${'scan p50'.padStart(9)} ${'p90'.padStart(9)}   ${'shared p50'.padStart(10)} ${'ratio'.padStart(5)}   ${'secrets p50'.padStart(11)} ${'p90'.padStart(9)}   found`);
for (const t of selected) {
  for (const size of SIZES) {
    const base = t.make(size);
    const texts = variants(base, CALLS[size] ?? 100);
    const scan = percentiles((s) => scanner.scan([s], where), texts);
    const both = size >= SHARE_MIN_CHARS ? await percentilesAsync((s) => shared.scanResult([s], where), texts) : undefined;
    const dlp = percentiles((s) => findSecrets(s), texts);
    const found = scanner.scan([base], where).map((h) => `${h.ruleId.replace('tool/', '')}:${h.severity}`);
    const secrets = findSecrets(base).length;
    const label = `${found.length > 0 ? found.join(' ') : '-'}${secrets > 0 ? `, ${secrets} secret(s)` : ''}${t.malicious ? ' (malicious)' : ''}`;
    console.log(`${t.name.padEnd(16)} ${`${size / 1024} KB`.padStart(6)}   ${fmt(scan.p50)} ${fmt(scan.p90)}   ${(both ? fmt(both.p50) : '-').padStart(10)} ${(both ? (both.p50 / scan.p50).toFixed(2) : '-').padStart(5)}   ${fmt(dlp.p50).padStart(11)} ${fmt(dlp.p90)}   ${label}`);
  }
}
await shared.close();
