/**
 * Records real npm registry responses once, as replay fixtures for the supply-chain tests.
 *
 *   npx tsx scripts/record-registry-fixtures.ts [--registry https://registry.npmjs.org]
 *
 * For each package below it saves the packument (`GET /<name>`) and, for the version `latest` points
 * at, the attestations response (`GET /-/npm/v1/attestations/<name>@<version>`), under
 * test/fixtures/registry/npm/. Packuments are trimmed to the fields vet reads (see KEEP_*); 404s are
 * recorded as 404s. Run it by hand only: it is the one script that talks to the registry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_ROOT, fixtureKey, type RegistryFixture } from '../test/helpers/registry-fixtures.js';

const PACKAGES = [
  '@modelcontextprotocol/server-everything', // provenance and mcpName example
  '@modelcontextprotocol/server-filesystem', // a popular, floating spec
  '@wonderwhy-er/desktop-commander', // a postinstall script
  'postmark-mcp', // the September 2025 backdoor: unpublished
  '@modelcontext-protocol/server-filesystem', // a look-alike scope of server-filesystem
];

/** Version-manifest fields vet reads; everything else is dropped to keep fixtures small. */
const KEEP_VERSION = ['name', 'version', 'deprecated', 'repository', 'maintainers', '_npmUser', 'mcpName', 'gypfile'] as const;
const KEEP_SCRIPTS = ['preinstall', 'install', 'postinstall'];
const KEEP_DIST = ['integrity', 'attestations', 'tarball'];

function trimPackument(p: Record<string, unknown>): unknown {
  const versions: Record<string, unknown> = {};
  for (const [v, m] of Object.entries((p['versions'] ?? {}) as Record<string, Record<string, unknown>>)) {
    const out: Record<string, unknown> = {};
    for (const k of KEEP_VERSION) if (m[k] !== undefined) out[k] = m[k];
    const scripts = Object.fromEntries(Object.entries((m['scripts'] ?? {}) as Record<string, unknown>).filter(([k]) => KEEP_SCRIPTS.includes(k)));
    if (Object.keys(scripts).length > 0) out['scripts'] = scripts;
    const dist = (m['dist'] ?? {}) as Record<string, unknown>;
    out['dist'] = Object.fromEntries(Object.entries(dist).filter(([k]) => KEEP_DIST.includes(k)));
    versions[v] = out;
  }
  const top: Record<string, unknown> = { name: p['name'], 'dist-tags': p['dist-tags'], versions, time: p['time'] };
  for (const k of ['maintainers', 'repository']) if (p[k] !== undefined) top[k] = p[k];
  return top;
}

async function record(registry: string, path: string, trim?: (b: Record<string, unknown>) => unknown): Promise<RegistryFixture> {
  const url = `${registry}${path}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  const fx: RegistryFixture = { origin: `recorded from ${url} on ${new Date().toISOString().slice(0, 10)}`, status: res.status };
  if (res.ok) {
    const body = JSON.parse(text) as Record<string, unknown>;
    fx.body = trim ? trim(body) : body;
    if (trim) fx.trimmed = `kept only the fields vet reads: ${KEEP_VERSION.join(', ')}, install scripts, dist.{${KEEP_DIST.join(',')}}, time, dist-tags`;
  }
  const file = join(FIXTURE_ROOT, 'npm', `${fixtureKey('GET', path)}.json`);
  writeFileSync(file, `${JSON.stringify(fx, null, 1)}\n`);
  process.stdout.write(`${res.status} ${url} -> ${file}\n`);
  return fx;
}

const argIdx = process.argv.indexOf('--registry');
const registry = (argIdx > 0 ? process.argv[argIdx + 1] : undefined) ?? 'https://registry.npmjs.org';
mkdirSync(join(FIXTURE_ROOT, 'npm'), { recursive: true });
for (const name of PACKAGES) {
  const escaped = name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
  const fx = await record(registry, `/${escaped}`, trimPackument);
  const latest = ((fx.body as { 'dist-tags'?: Record<string, string> } | undefined)?.['dist-tags'] ?? {})['latest'];
  if (latest) await record(registry, `/-/npm/v1/attestations/${escaped}@${latest}`);
}
