// Gateway speed, measured in one run on loopback against the same fixture server (bench/fixtures):
//   direct        SDK client → fixture over stdio (the baseline)
//   floor-relay   SDK client → a bare JSON-line relay (no SDK, no checks) → fixture: one more
//                 process and two more pipe hops, the least any stdio proxy can add here
//   floor-sdk     SDK client → an SDK Server + Client passthrough (no checks) → fixture: what the
//                 official SDK alone adds
//   floor-http    SDK client → a bare HTTP-to-stdio relay (no SDK, no checks, JSON answers) →
//                 fixture: the least any streamable-HTTP proxy can add here
//   wrap          SDK client → mcp-warden wrap (stdio) → fixture
//   gateway       SDK client → mcp-warden gateway (streamable HTTP, 2025 session) → fixture
//   gateway-2026  the same gateway, 2026-07-28 stateless requests
//   mcp-proxy     SDK client → mcp-proxy (streamable HTTP) → fixture
//   supergateway  SDK client → supergateway (streamable HTTP, stateful) → fixture
// mcp-warden runs with policy (rules with argument constraints, a rate limit), DLP on arguments and
// results, result scanning and audit (SQLite + JSONL) on. Reports latency p50/p99 at 1 KB and
// 100 KB results and what each proxy adds over direct, calls/s at concurrency 1/16/64, and the
// proxy process's peak RSS with 1,000 calls in flight (in a fresh process, and after the other
// phases); then checks the targets of issue 7.
// Run with `npm run bench:gateway` (builds first); `-- --quick` for a short smoke run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setMaxListeners } from 'node:events';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const QUICK = process.argv.includes('--quick');
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURE = join(ROOT, 'bench', 'fixtures', 'payload-server.mjs');
const FLOOR_RELAY = join(ROOT, 'bench', 'fixtures', 'floor-relay.mjs');
const FLOOR_SDK = join(ROOT, 'bench', 'fixtures', 'floor-sdk.mjs');
const FLOOR_HTTP = join(ROOT, 'bench', 'fixtures', 'floor-http.mjs');
const BIN = join(ROOT, 'node_modules', '.bin');
const N = {
  warm: QUICK ? 100 : 400,
  small: QUICK ? 300 : 3000,
  large: QUICK ? 60 : 400,
  throughput: QUICK ? 600 : 4000,
  inflight: 1000,
};
const KB = 1024;

// 1,000 calls in flight share the client's abort plumbing; that many listeners is expected here.
setMaxListeners(5000); // EventTargets (AbortSignals) too, not only EventEmitters
// The SDK's HTTP client passes one AbortSignal to every fetch, and fetch caps its listeners at 1,500
// and releases them only when requests are collected: thousands of sequential calls warn once per
// call. That is this benchmark's client, not a target, so those warnings are dropped; others print.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name !== 'MaxListenersExceededWarning') process.stderr.write(`${w.name}: ${w.message}\n`);
});

const tmp = mkdtempSync(join(tmpdir(), 'warden-bench-gw-'));
const children: ChildProcess[] = [];

const POLICY = `version: 1
default: allow
rules:
  - id: payload-query
    server: "*"
    tool: payload
    action: allow
    args:
      query: { regex: "[a-z ]{0,40}", maxSize: 64 }
      size: { maxSize: 16 }
  - { server: "*", tool: "*delete*", action: deny }
rateLimits:
  - { id: generous, tool: "*", per: client+tool, limit: 1000000000, window: 1s }
dlp: { scope: all, arguments: redact, results: redact }
resultScan: { action: quarantine, minSeverity: high }
`;

interface Target {
  name: string;
  /** Tool names as this target exposes them (the gateway namespaces them). */
  prefix?: string;
  client(): Promise<Client>;
  /** The proxy process whose memory is measured (none for direct). */
  pid?: () => number | undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function start(cmd: string, args: string[], onStderr?: (s: string) => void): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  child.stderr?.on('data', (d: Buffer) => onStderr?.(d.toString()));
  children.push(child);
  return child;
}

async function connectWithRetry(url: string, mode: 'legacy' | 'auto', deadlineMs = 60_000): Promise<Client> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const c = new Client({ name: 'bench', version: '1' }, { versionNegotiation: { mode } });
    try {
      await c.connect(new StreamableHTTPClientTransport(new URL(url)));
      return c;
    } catch (err) {
      await c.close().catch(() => undefined);
      if (Date.now() > until) throw err;
      await sleep(200);
    }
  }
}

function stdioTarget(name: string, command: string, args: string[], pidOf: boolean): Target {
  let transport: StdioClientTransport | undefined;
  return {
    name,
    async client() {
      transport = new StdioClientTransport({ command, args, stderr: 'ignore' });
      const c = new Client({ name: 'bench', version: '1' });
      await c.connect(transport);
      return c;
    },
    ...(pidOf ? { pid: () => transport?.pid ?? undefined } : {}),
  };
}

async function gatewayTargets(): Promise<Target[]> {
  const config = join(tmp, 'gateway.yaml');
  writeFileSync(join(tmp, 'policy.yaml'), POLICY);
  writeFileSync(
    config,
    `version: 1
listen: { http: { host: 127.0.0.1, port: 0 } }
policy: ./policy.yaml
audit: { db: ./gateway-audit.db, jsonl: ./gateway-audit.jsonl }
servers:
  bench:
    command: ${JSON.stringify(process.execPath)}
    args: [${JSON.stringify(FIXTURE)}]
    sandbox: { enabled: false }
`,
  );
  let url: string | undefined;
  const child = start(process.execPath, [CLI, 'gateway', '--config', config], (s) => {
    const m = /listening on (\S+)/.exec(s);
    if (m?.[1]) url = m[1];
  });
  while (url === undefined) {
    if (child.exitCode !== null) throw new Error('gateway exited');
    await sleep(50);
  }
  const u = url;
  return [
    { name: 'gateway', prefix: 'bench__', client: () => connectWithRetry(u, 'legacy'), pid: () => child.pid },
    { name: 'gateway-2026', prefix: 'bench__', client: () => connectWithRetry(u, 'auto'), pid: () => child.pid },
  ];
}

async function peerTargets(): Promise<Target[]> {
  const out: Target[] = [];
  const fp = await freePort();
  const floor = start(process.execPath, [FLOOR_HTTP, String(fp), process.execPath, FIXTURE]);
  out.push({ name: 'floor-http', client: () => connectWithRetry(`http://127.0.0.1:${fp}/mcp`, 'legacy'), pid: () => floor.pid });
  const pp = await freePort();
  const proxy = start(join(BIN, 'mcp-proxy'), ['--port', String(pp), '--host', '127.0.0.1', '--', process.execPath, FIXTURE]);
  out.push({ name: 'mcp-proxy', client: () => connectWithRetry(`http://127.0.0.1:${pp}/mcp`, 'legacy'), pid: () => proxy.pid });
  const sp = await freePort();
  const sg = start(join(BIN, 'supergateway'), ['--stdio', `${process.execPath} ${FIXTURE}`, '--outputTransport', 'streamableHttp', '--port', String(sp), '--stateful', '--logLevel', 'none']);
  out.push({ name: 'supergateway', client: () => connectWithRetry(`http://127.0.0.1:${sp}/mcp`, 'legacy'), pid: () => sg.pid });
  return out;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

async function latency(c: Client, tool: string, size: number, n: number): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(N.warm, n); i++) await c.callTool({ name: tool, arguments: { size, query: 'q' } });
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await c.callTool({ name: tool, arguments: { size, query: 'quarterly report' } });
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: pct(t, 0.5), p99: pct(t, 0.99) };
}

async function throughput(c: Client, tool: string, concurrency: number, total: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await c.callTool({ name: tool, arguments: { size: KB, query: 'q' } });
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

async function peakRssInFlight(c: Client, tool: string, pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  let peak = rssMb(pid) ?? 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rssMb(pid) ?? 0);
      await sleep(25);
    }
  })();
  await Promise.all(Array.from({ length: N.inflight }, () => c.callTool({ name: tool, arguments: { ms: 3000 } }, { timeout: 120_000 })));
  running = false;
  await sampler;
  return peak;
}

interface Row {
  name: string;
  p50: number;
  p99: number;
  p50L: number;
  p99L: number;
  cps: number[];
  /** Peak RSS with 1,000 calls in flight, after the latency and throughput phases. */
  rss?: number;
  /** The same in a freshly started process (what the target is checked against). */
  rssFresh?: number;
  error?: string;
}

async function measure(t: Target): Promise<Row> {
  const c = await t.client();
  const row: Row = { name: t.name, p50: NaN, p99: NaN, p50L: NaN, p99L: NaN, cps: [] };
  // Each phase is recorded on its own: a peer failing under 1,000 calls in flight keeps its latency figures.
  const phase = async (label: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      row.error = `${row.error ? `${row.error}; ` : ''}${label}: ${(err as Error).message}`;
    }
  };
  try {
    const payload = `${t.prefix ?? ''}payload`;
    await phase('latency 1 KB', async () => {
      const small = await latency(c, payload, KB, N.small);
      row.p50 = small.p50;
      row.p99 = small.p99;
    });
    await phase('latency 100 KB', async () => {
      const large = await latency(c, payload, 100 * KB, N.large);
      row.p50L = large.p50;
      row.p99L = large.p99;
    });
    await phase('throughput', async () => {
      for (const conc of [1, 16, 64]) row.cps.push(await throughput(c, payload, conc, conc === 1 ? Math.min(N.throughput, 2000) : N.throughput));
    });
    if (t.pid) {
      await phase('RSS with 1,000 in flight', async () => {
        const rss = await peakRssInFlight(c, `${t.prefix ?? ''}sleep`, t.pid?.());
        if (rss !== undefined) row.rss = rss;
      });
    }
    return row;
  } finally {
    await c.close().catch(() => undefined);
  }
}

const f = (n: number | undefined, d = 2) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(d));

async function main(): Promise<void> {
  const rows: Row[] = [];
  writeFileSync(join(tmp, 'policy.yaml'), POLICY);
  // Each group is started just before it is measured and stopped after, so they do not compete.
  const groups: Array<() => Promise<Target[]>> = [
    async () => [
      stdioTarget('direct', process.execPath, [FIXTURE], false),
      stdioTarget('floor-relay', process.execPath, [FLOOR_RELAY, process.execPath, FIXTURE], true),
      stdioTarget('floor-sdk', process.execPath, [FLOOR_SDK, process.execPath, FIXTURE], true),
      stdioTarget('wrap', process.execPath, [CLI, 'wrap', '--name', 'bench', '--no-sandbox', '--policy', join(tmp, 'policy.yaml'), '--audit-db', join(tmp, 'wrap-audit.db'), '--audit-jsonl', join(tmp, 'wrap-audit.jsonl'), '--', process.execPath, FIXTURE], true),
    ],
    gatewayTargets,
    peerTargets,
  ];
  for (const group of groups) {
    let targets: Target[];
    try {
      targets = await group();
    } catch (err) {
      rows.push({ name: 'start', p50: NaN, p99: NaN, p50L: NaN, p99L: NaN, cps: [], error: (err as Error).message });
      continue;
    }
    for (const t of targets) {
      process.stderr.write(`measuring ${t.name}…\n`);
      try {
        rows.push(await measure(t));
      } catch (err) {
        rows.push({ name: t.name, p50: NaN, p99: NaN, p50L: NaN, p99L: NaN, cps: [], error: (err as Error).message });
      }
    }
    for (const c of children.splice(0)) c.kill('SIGTERM');
  }
  // RSS again, each target in a process of its own started for it: the figure above also holds
  // what the earlier phases left in the heap (V8 keeps a grown heap for a while).
  for (const group of groups) {
    let count: number;
    try {
      count = (await group()).length;
    } catch {
      continue; // already reported above
    } finally {
      for (const c of children.splice(0)) c.kill('SIGTERM');
    }
    for (let i = 0; i < count; i++) {
      try {
        const t = (await group())[i];
        const row = rows.find((r) => r.name === t?.name);
        if (t?.pid && row) {
          process.stderr.write(`measuring RSS of a fresh ${t.name}…\n`);
          const c = await t.client();
          try {
            row.rssFresh = await peakRssInFlight(c, `${t.prefix ?? ''}sleep`, t.pid());
          } finally {
            await c.close().catch(() => undefined);
          }
        }
      } catch (err) {
        process.stderr.write(`fresh RSS: ${(err as Error).message}\n`);
      } finally {
        for (const c of children.splice(0)) c.kill('SIGTERM');
      }
    }
  }
  const direct = rows.find((r) => r.name === 'direct');
  if (!direct) throw new Error('no baseline');

  const [l1, l5, l15] = loadavg();
  console.log(`\nbench:gateway  node ${process.version}  load average ${f(l1, 1)} ${f(l5, 1)} ${f(l15, 1)}${QUICK ? '  (quick run)' : ''}`);
  console.log(`calls: ${N.small} × 1 KB, ${N.large} × 100 KB sequential; ${N.throughput} per concurrency level; ${N.inflight} in flight for RSS\n`);
  const header = ['target', 'p50 1KB', 'p99 1KB', '+p50', '+p99', 'p50 100KB', '+p50', 'calls/s c1', 'c16', 'c64', 'RSS MB', 'after load'];
  const table = rows.map((r) => [
    r.name,
    f(r.p50),
    f(r.p99),
    r === direct ? '' : f(r.p50 - direct.p50),
    r === direct ? '' : f(r.p99 - direct.p99),
    f(r.p50L),
    r === direct ? '' : f(r.p50L - direct.p50L),
    ...[0, 1, 2].map((i) => f(r.cps[i], 0)),
    f(r.rssFresh, 1),
    f(r.rss, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const r of table) console.log(line(r));
  for (const r of rows) if (r.error) console.log(`${r.name}: failed: ${r.error}`);
  console.log('(latencies in ms; "+" columns are added over direct; RSS with 1,000 calls in flight, in a fresh process and after the other phases)\n');

  const peers = rows.filter((r) => (r.name === 'mcp-proxy' || r.name === 'supergateway') && !Number.isNaN(r.p50));
  for (const name of ['wrap', 'gateway', 'gateway-2026']) {
    const r = rows.find((x) => x.name === name);
    if (!r || Number.isNaN(r.p50)) continue;
    const add50 = r.p50 - direct.p50;
    const add99 = r.p99 - direct.p99;
    const addL = r.p50L - direct.p50L;
    const best = Math.max(...r.cps);
    const checks: Array<[string, boolean]> = [
      [`added p50 1KB ${f(add50, 3)} ms <= 0.3`, add50 <= 0.3],
      [`added p99 1KB ${f(add99, 3)} ms <= 2`, add99 <= 2],
      [`added p50 100KB ${f(addL, 3)} ms <= 2`, addL <= 2],
      [`${f(best, 0)} calls/s >= 5000`, best >= 5000],
      [`RSS ${f(r.rssFresh, 1)} MB < 150 (${f(r.rss, 1)} MB after load)`, r.rssFresh !== undefined && r.rssFresh < 150],
    ];
    for (const p of peers) {
      const peerAdd = p.p50 - direct.p50;
      checks.push([`added p50 1KB vs ${p.name}: ${f(add50, 3)} vs ${f(peerAdd, 3)} ms (ratio ${f(add50 / peerAdd, 2)})`, add50 < peerAdd]);
      const peerAddL = p.p50L - direct.p50L;
      checks.push([`added p50 100KB vs ${p.name}: ${f(addL, 3)} vs ${f(peerAddL, 3)} ms (ratio ${f(addL / peerAddL, 2)})`, addL < peerAddL]);
    }
    console.log(`${name}:`);
    for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
  }

  // The floors show which targets this machine and the SDK leave room for, and what of wrap's cost is ours.
  const floorSdk = rows.find((r) => r.name === 'floor-sdk');
  const floorHttp = rows.find((r) => r.name === 'floor-http');
  console.log('\nfloors (what a proxy adds over direct before it does anything):');
  for (const fl of rows.filter((r) => r.name.startsWith('floor-') && !Number.isNaN(r.p50))) {
    console.log(`  ${fl.name.padEnd(12)} +p50 1KB ${f(fl.p50 - direct.p50, 3)} ms  +p99 1KB ${f(fl.p99 - direct.p99, 3)} ms  +p50 100KB ${f(fl.p50L - direct.p50L, 3)} ms  ${f(Math.max(...fl.cps), 0)} calls/s  RSS ${f(fl.rssFresh, 1)} MB`);
  }
  const wrap = rows.find((r) => r.name === 'wrap');
  if (wrap && floorSdk && !Number.isNaN(wrap.p50) && !Number.isNaN(floorSdk.p50)) {
    console.log(
      `  wrap over floor-sdk (mcp-warden's policy, DLP, result scanning and audit): +p50 1KB ${f(wrap.p50 - floorSdk.p50, 3)} ms  +p50 100KB ${f(wrap.p50L - floorSdk.p50L, 3)} ms  calls/s ratio ${f(Math.max(...wrap.cps) / Math.max(...floorSdk.cps), 2)}  RSS +${f((wrap.rssFresh ?? NaN) - (floorSdk.rssFresh ?? NaN), 1)} MB`,
    );
  }
  const floorRelay = rows.find((r) => r.name === 'floor-relay');
  if (wrap && floorRelay && !Number.isNaN(wrap.p50) && !Number.isNaN(floorRelay.p50)) {
    console.log(`  wrap over floor-relay (everything mcp-warden does beyond moving bytes): +p50 1KB ${f(wrap.p50 - floorRelay.p50, 3)} ms  +p50 100KB ${f(wrap.p50L - floorRelay.p50L, 3)} ms`);
  }
  const gw = rows.find((r) => r.name === 'gateway');
  if (gw && floorHttp && !Number.isNaN(gw.p50) && !Number.isNaN(floorHttp.p50)) {
    console.log(`  gateway over floor-http (the same, over HTTP): +p50 1KB ${f(gw.p50 - floorHttp.p50, 3)} ms  +p50 100KB ${f(gw.p50L - floorHttp.p50L, 3)} ms`);
  }
}

try {
  await main();
} finally {
  for (const c of children) c.kill('SIGTERM');
  await sleep(500);
  rmSync(tmp, { recursive: true, force: true });
}
