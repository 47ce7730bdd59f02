/**
 * @module discovery/continue
 * Continue: the global folder `~/.continue` (`%USERPROFILE%\.continue`, or `$CONTINUE_GLOBAL_DIR`)
 * holds `config.yaml` with an `mcpServers` *list* (`name`, `command`, `args`, `env`, `cwd`, `type`
 * stdio/sse/streamable-http, `url`, `requestOptions.headers`), and the deprecated `config.json`
 * with `experimental.modelContextProtocolServers[].transport`. Drop-in folders
 * `~/.continue/mcpServers/` and `<workspace>/.continue/mcpServers/` take YAML blocks (the same
 * list) and JSON files copied from other clients (`mcpServers` maps).
 * An item written as `uses: <hub block>` is fetched from Continue Hub at run time and cannot be
 * checked from the file; it is reported as skipped.
 * @see https://docs.continue.dev/customize/deep-dives/mcp
 * @see https://docs.continue.dev/reference (config.yaml `mcpServers`)
 */
import { join } from 'node:path';
import type { ScanError, ServerEntry } from '../model/index.js';
import type { Candidate, ClientConfigAdapter, ConfigCandidate, DiscoveryEnv } from './types.js';
import type { ConfigDocument, DocPath } from './document.js';
import { envVar, homePath } from './paths.js';
import { commonDecl, isBareServerMap, readMcpServersMap, requireObjectRoot } from './mcp-servers-map.js';
import { describeType, isRecord, ShapeErrors, stringMap, toEntry, valueAt } from './server-decl.js';
import { detectBy, has, SCORE } from './detect.js';

const CLIENT = 'continue';
const DROP_IN = /^[^/]+\.(?:ya?ml|json)$/i;

function globalDir(env: DiscoveryEnv): string {
  return envVar(env, 'CONTINUE_GLOBAL_DIR') ?? homePath(env, '.continue');
}

/** Reads a list of server items at `at` (config.yaml, YAML blocks, the legacy JSON list). */
function readServerList(doc: ConfigDocument, candidate: ConfigCandidate, at: DocPath, errors: ShapeErrors, legacy: boolean): ServerEntry[] {
  const list = valueAt(doc.value, at);
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    errors.add(at, `"${at.join('.')}" should be a list of servers, found ${describeType(list)}`);
    return [];
  }
  const entries: ServerEntry[] = [];
  list.forEach((item, i) => {
    const itemAt = [...at, i];
    if (!isRecord(item)) {
      errors.add(itemAt, `server #${i + 1} should be an object, found ${describeType(item)}`);
      return;
    }
    const name = typeof item['name'] === 'string' && item['name'] !== '' ? item['name'] : typeof item['uses'] === 'string' ? item['uses'] : `${at.join('.')}[${i}]`;
    if (typeof item['uses'] === 'string') {
      const line = doc.lineOf(itemAt);
      errors.list.push({
        kind: 'skipped',
        source: doc.path,
        client: CLIENT,
        server: name,
        ...(line !== undefined ? { line } : {}),
        message: `${doc.path}${line !== undefined ? `:${line}` : ''}: server "${name}" comes from Continue Hub ("uses: ${item['uses']}") and is defined outside this file; not checked`,
      });
      return;
    }
    // The legacy config.json nests the launch details under `transport`.
    const declAt = legacy && isRecord(item['transport']) ? [...itemAt, 'transport'] : itemAt;
    const decl = legacy && isRecord(item['transport']) ? item['transport'] : item;
    const d = commonDecl(name, decl, declAt, {}, errors);
    if (!d) return;
    d.at = itemAt;
    d.headers.push(...stringMap(valueAt(decl, ['requestOptions', 'headers']), [...declAt, 'requestOptions', 'headers'], errors, name, 'requestOptions.headers'));
    entries.push(toEntry(doc, d, { client: CLIENT, scope: candidate.scope, ...(candidate.project !== undefined ? { project: candidate.project } : {}) }));
  });
  return entries;
}

function parseContinue(doc: ConfigDocument, candidate: ConfigCandidate): { entries: ServerEntry[]; errors: ScanError[] } {
  const errors = new ShapeErrors(doc, CLIENT);
  if (!requireObjectRoot(doc, errors)) return { entries: [], errors: errors.list };
  const scope = { client: CLIENT, scope: candidate.scope, ...(candidate.project !== undefined ? { project: candidate.project } : {}) };
  const servers = valueAt(doc.value, ['mcpServers']);
  let entries: ServerEntry[];
  if (Array.isArray(servers)) entries = readServerList(doc, candidate, ['mcpServers'], errors, false);
  else if (servers !== undefined) entries = readMcpServersMap(doc, { ...scope, at: ['mcpServers'] }, errors).entries;
  else if (valueAt(doc.value, ['experimental', 'modelContextProtocolServers']) !== undefined) entries = readServerList(doc, candidate, ['experimental', 'modelContextProtocolServers'], errors, true);
  else if (isBareServerMap(doc.value) && doc.format !== 'yaml') entries = readMcpServersMap(doc, { ...scope, at: [] }, errors).entries;
  else entries = [];
  return { entries, errors: errors.list };
}

export const ContinueConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'Continue',
  docs: 'https://docs.continue.dev/customize/deep-dives/mcp',
  candidates(env) {
    const dir = globalDir(env);
    const out: Candidate[] = [
      { path: join(dir, 'config.yaml'), scope: 'user', format: 'yaml' },
      { path: join(dir, 'config.json'), scope: 'user', format: 'jsonc', label: 'deprecated config.json' },
      { dir: join(dir, 'mcpServers'), match: DROP_IN, glob: '*.{yaml,yml,json}', depth: 1, scope: 'user', label: 'drop-in folder' },
    ];
    for (const project of env.projects) out.push({ dir: join(project, '.continue', 'mcpServers'), match: DROP_IN, glob: '*.{yaml,yml,json}', depth: 1, scope: 'project', project, label: 'drop-in folder' });
    return out;
  },
  detect(doc) {
    return detectBy(doc, {
      shape: (v) => (Array.isArray(v['mcpServers']) || valueAt(v, ['experimental', 'modelContextProtocolServers']) !== undefined ? SCORE.distinctive : has(v, 'mcpServers') ? SCORE.shared : 0),
      paths: [/(^|\/)\.continue\/(?:config\.(?:ya?ml|json)|mcpServers\/[^/]+)$/],
    });
  },
  parse(doc, candidate) {
    return parseContinue(doc, candidate);
  },
};
