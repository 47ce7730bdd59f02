// Discovery speed on a large synthetic machine: ~/.claude.json listing 2,000 projects (each with
// local servers and a checked-in .mcp.json), every other client populated, all three OS layouts.
// Baseline, measured in the same run: reading and JSON-parsing the same files with nothing else.
// Run with `npm run bench:discovery` (builds first).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { discover } from '../dist/discovery/discover.js';
import { discoveryEnv } from '../dist/discovery/env.js';

const PROJECTS = 2000;
const RUNS = 5;

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const root = mkdtempSync(join(tmpdir(), 'warden-bench-'));
const home = join(root, 'home');
const files = [];
const server = (i) => ({ command: 'npx', args: ['-y', `@scope/server-${i}@1.0.0`, '--root', `/data/${i}`], env: { TOKEN: `\${TOKEN_${i}}` } });
const projects = {};
for (let p = 0; p < PROJECTS; p++) {
  const dir = join(root, 'projects', `p${p}`);
  projects[dir] = { allowedTools: [], history: Array.from({ length: 20 }, (_, i) => ({ display: `prompt ${i}` })), mcpServers: { [`local-${p}`]: server(p) } };
  files.push(write(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { [`team-${p}`]: server(p), [`docs-${p}`]: { type: 'http', url: `https://mcp${p}.example.com/mcp` } } }, null, 2)));
}
files.push(write(join(home, '.claude.json'), JSON.stringify({ mcpServers: { user: server(0) }, projects }, null, 2)));
const map = JSON.stringify({ mcpServers: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`s${i}`, server(i)])) }, null, 2);
for (const rel of ['.cursor/mcp.json', '.codeium/windsurf/mcp_config.json', '.gemini/settings.json', '.kiro/settings/mcp.json', '.aws/amazonq/mcp.json', '.copilot/mcp-config.json', '.gemini/antigravity/mcp_config.json', '.config/Claude/claude_desktop_config.json', '.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json']) {
  files.push(write(join(home, rel), map));
}
files.push(write(join(home, '.config/Code/User/mcp.json'), JSON.stringify({ servers: JSON.parse(map).mcpServers }, null, 2)));
const sizeMb = files.reduce((n, f) => n + readFileSync(f).length, 0) / 1024 / 1024;

const env = discoveryEnv({ home, platform: 'linux', systemRoot: join(root, 'sys') });
const time = async (fn) => {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
};

let result;
const discoveryMs = await time(async () => {
  result = await discover(env);
});
const baselineMs = await time(async () => {
  for (const f of files) JSON.parse(readFileSync(f, 'utf8'));
});
rmSync(root, { recursive: true, force: true });

console.log(`files: ${files.length} (${sizeMb.toFixed(1)} MB), servers found: ${result.entries.length}, errors: ${result.errors.length}`);
console.log(`discovery (all 18 clients, every candidate path, line numbers): ${discoveryMs.toFixed(0)} ms (median of ${RUNS})`);
console.log(`baseline (readFileSync + JSON.parse of the same files only):     ${baselineMs.toFixed(0)} ms`);
console.log(`ratio: ${(discoveryMs / baselineMs).toFixed(1)}x the bare read-and-parse time`);
