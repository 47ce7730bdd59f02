/**
 * @module discovery/opencode
 * OpenCode: `opencode.json` / `opencode.jsonc` (JSONC) with an `mcp` map. Each server has
 * `type: "local"` (a `command` array holding the program and its arguments, `environment`) or
 * `type: "remote"` (`url`, `headers`), and `enabled: false` to switch it off. Files: the global
 * `~/.config/opencode/` (XDG on every OS, also the older `config.json`), `$OPENCODE_CONFIG`,
 * macOS managed `/Library/Application Support/opencode/`, and per project `opencode.json(c)` and
 * `.opencode/opencode.json(c)`. OpenCode 2 may nest the map one level deeper, as `mcp.servers`.
 * @see https://opencode.ai/docs/mcp-servers/ (server shape)
 * @see https://opencode.ai/docs/config/ (locations and precedence)
 */
import { join } from 'node:path';
import type { ScanError, ServerEntry, Transport } from '../model/index.js';
import type { Candidate, ClientConfigAdapter, ConfigCandidate, DiscoveryEnv } from './types.js';
import type { ConfigDocument, DocPath } from './document.js';
import { envVar, macSystemSupportDir, platformOf, xdgConfigHome } from './paths.js';
import { readMcpServersMap, type ServerShape } from './mcp-servers-map.js';
import { isRecord, ShapeErrors, valueAt } from './server-decl.js';
import { detectBy, SCORE } from './detect.js';

const TYPES: Readonly<Record<string, Transport>> = { local: 'stdio', remote: 'http' };

/** The OpenCode server shape, shared with Kilo Code (built on OpenCode). */
export const OPENCODE_SHAPE: ServerShape = { types: TYPES, envKeys: ['environment', 'env'] };

/** `mcp.servers` is the OpenCode 2 container unless it is itself a server declaration named "servers". */
function serverMapAt(doc: Pick<ConfigDocument, 'value'>): DocPath {
  const nested = valueAt(doc.value, ['mcp', 'servers']);
  return isRecord(nested) && nested['type'] === undefined && nested['command'] === undefined && nested['url'] === undefined ? ['mcp', 'servers'] : ['mcp'];
}

/**
 * True when a document holds an OpenCode-style `mcp` map: some server typed `local`/`remote` or
 * with a `command` array (VS Code's `"mcp": { "servers": … }` in settings.json has neither).
 */
export function hasOpenCodeMcp(root: Record<string, unknown>): boolean {
  if (!isRecord(root['mcp'])) return false;
  const map = valueAt({ mcp: root['mcp'] }, serverMapAt({ value: root }));
  return isRecord(map) && Object.values(map).some((s) => isRecord(s) && (s['type'] === 'local' || s['type'] === 'remote' || Array.isArray(s['command'])));
}

/** Reads the `mcp` map of an OpenCode-shaped document for `client`. */
export function readOpenCodeMcp(doc: ConfigDocument, client: string, candidate: ConfigCandidate): { entries: ServerEntry[]; errors: ScanError[] } {
  const errors = new ShapeErrors(doc, client);
  return readMcpServersMap(
    doc,
    { client, scope: candidate.scope, ...(candidate.project !== undefined ? { project: candidate.project } : {}), at: serverMapAt(doc), shape: OPENCODE_SHAPE },
    errors,
  );
}

/** `<dir>/<name>.json` and `<dir>/<name>.jsonc`. */
export function jsonAndJsonc(dir: string, name: string, base: Omit<ConfigCandidate, 'path' | 'format'>): ConfigCandidate[] {
  return [
    { ...base, path: join(dir, `${name}.json`), format: 'jsonc' },
    { ...base, path: join(dir, `${name}.jsonc`), format: 'jsonc' },
  ];
}

function candidates(env: DiscoveryEnv): Candidate[] {
  const global = join(xdgConfigHome(env), 'opencode');
  const out: Candidate[] = [...jsonAndJsonc(global, 'opencode', { scope: 'user' }), { path: join(global, 'config.json'), scope: 'user', format: 'jsonc', label: 'older name' }];
  const custom = envVar(env, 'OPENCODE_CONFIG');
  if (custom !== undefined) out.push({ path: custom, scope: 'user', format: 'jsonc', label: '$OPENCODE_CONFIG' });
  if (platformOf(env) === 'darwin') out.push(...jsonAndJsonc(join(macSystemSupportDir(env), 'opencode'), 'opencode', { scope: 'managed' }));
  for (const project of env.projects) {
    out.push(...jsonAndJsonc(project, 'opencode', { scope: 'project', project }));
    out.push(...jsonAndJsonc(join(project, '.opencode'), 'opencode', { scope: 'project', project }));
  }
  return out;
}

export const OpenCodeConfigAdapter: ClientConfigAdapter = {
  id: 'opencode',
  displayName: 'OpenCode',
  docs: 'https://opencode.ai/docs/mcp-servers/',
  candidates,
  detect(doc) {
    return detectBy(doc, { shape: (v) => (hasOpenCodeMcp(v) ? SCORE.distinctive : 0), paths: [/(^|\/)opencode\.jsonc?$/, /\/opencode\/config\.json$/] });
  },
  parse(doc, candidate) {
    return readOpenCodeMcp(doc, 'opencode', candidate);
  },
};
