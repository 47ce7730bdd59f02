/**
 * @module discovery/codex
 * OpenAI Codex (CLI, IDE extension and app share one file): TOML `[mcp_servers.<name>]` tables in
 * `~/.codex/config.toml` (or `$CODEX_HOME/config.toml`), in `<project>/.codex/config.toml` (read
 * for trusted projects), and machine-wide in `/etc/codex/config.toml` and
 * `/etc/codex/managed_config.toml`. Fields: `command`, `args`, `env`, `cwd` (stdio); `url`
 * (streamable HTTP), `bearer_token_env_var`, `http_headers`, `env_http_headers`; `enabled`.
 * Header values that come from the environment are shown as `${VAR}` placeholders, and the token
 * variable as `Authorization: Bearer ${VAR}`; a `headers` table is ignored by Codex and so here.
 * @see https://developers.openai.com/codex/mcp
 * @see https://github.com/openai/codex/blob/main/codex-rs/config/src/mcp_types.rs (field names)
 */
import { join } from 'node:path';
import type { ServerEntry } from '../model/index.js';
import type { Candidate, ClientConfigAdapter, DiscoveryEnv } from './types.js';
import type { ConfigDocument } from './document.js';
import { envVar, etcDir, homePath, platformOf } from './paths.js';
import { disabledSwitch, requireObjectRoot } from './mcp-servers-map.js';
import { describeType, isRecord, ShapeErrors, stringField, stringList, stringMap, toEntry, valueAt, type ServerDecl } from './server-decl.js';
import { detectBy, has, SCORE } from './detect.js';

const CLIENT = 'codex';

function userConfig(env: DiscoveryEnv): string {
  return join(envVar(env, 'CODEX_HOME') ?? homePath(env, '.codex'), 'config.toml');
}

function codexDecl(name: string, decl: Record<string, unknown>, errors: ShapeErrors): ServerDecl | undefined {
  const at = ['mcp_servers', name];
  const command = stringField(decl, 'command', at, errors, name);
  const url = stringField(decl, 'url', at, errors, name);
  if (command === undefined && url === undefined) {
    errors.add(at, `server "${name}": declares neither "command" nor "url"; server not checked`, name);
    return undefined;
  }
  const headers = stringMap(decl['http_headers'], [...at, 'http_headers'], errors, name, 'http_headers');
  // Headers whose values Codex reads from environment variables at run time.
  for (const [header, ref] of stringMap(decl['env_http_headers'], [...at, 'env_http_headers'], errors, name, 'env_http_headers')) {
    headers.push([header, { value: `\${${ref.value}}`, at: ref.at }]);
  }
  const tokenVar = stringField(decl, 'bearer_token_env_var', at, errors, name);
  if (tokenVar) headers.push(['Authorization', { value: `Bearer \${${tokenVar.value}}`, at: tokenVar.at }]);
  // Older releases accepted the token itself; keep it visible so a literal secret is caught.
  const literalToken = stringField(decl, 'bearer_token', at, errors, name);
  if (literalToken) headers.push(['Authorization', { value: `Bearer ${literalToken.value}`, at: literalToken.at }]);
  const sw = disabledSwitch(decl, at, errors, name);
  const cwd = stringField(decl, 'cwd', at, errors, name);
  return {
    name,
    at,
    // Codex speaks streamable HTTP to a `url` and stdio to a `command` (the URL wins if both are written).
    transport: url !== undefined ? 'http' : 'stdio',
    ...(command !== undefined ? { command } : {}),
    args: stringList(decl['args'], [...at, 'args'], errors, name, 'args'),
    env: stringMap(decl['env'], [...at, 'env'], errors, name, 'env'),
    ...(url !== undefined ? { url } : {}),
    headers,
    ...(cwd !== undefined ? { cwd } : {}),
    disabled: sw.disabled,
    ...(sw.at !== undefined ? { disabledAt: sw.at } : {}),
  };
}

function parseCodex(doc: ConfigDocument, scope: ServerEntry['scope'], project: string | undefined): { entries: ServerEntry[]; errors: ShapeErrors['list'] } {
  const errors = new ShapeErrors(doc, CLIENT);
  const entries: ServerEntry[] = [];
  if (!requireObjectRoot(doc, errors)) return { entries, errors: errors.list };
  const servers = valueAt(doc.value, ['mcp_servers']);
  if (servers === undefined) return { entries, errors: errors.list };
  if (!isRecord(servers)) {
    errors.add(['mcp_servers'], `"mcp_servers" should be a table of servers, found ${describeType(servers)}`);
    return { entries, errors: errors.list };
  }
  for (const [name, decl] of Object.entries(servers)) {
    if (!isRecord(decl)) {
      errors.add(['mcp_servers', name], `server "${name}" should be a table, found ${describeType(decl)}`, name);
      continue;
    }
    const d = codexDecl(name, decl, errors);
    if (d) entries.push(toEntry(doc, d, { client: CLIENT, scope, ...(project !== undefined ? { project } : {}) }));
  }
  return { entries, errors: errors.list };
}

export const CodexConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'Codex',
  docs: 'https://developers.openai.com/codex/mcp',
  candidates(env) {
    const out: Candidate[] = [{ path: userConfig(env), scope: 'user', format: 'toml' }];
    if (platformOf(env) !== 'win32') {
      out.push({ path: join(etcDir(env), 'codex', 'config.toml'), scope: 'managed', format: 'toml', label: 'system config' });
      out.push({ path: join(etcDir(env), 'codex', 'managed_config.toml'), scope: 'managed', format: 'toml', label: 'managed config' });
    }
    for (const project of env.projects) out.push({ path: join(project, '.codex', 'config.toml'), scope: 'project', format: 'toml', project });
    return out;
  },
  detect(doc) {
    return detectBy(doc, { shape: (v) => (has(v, 'mcp_servers') ? SCORE.distinctive : 0), paths: [/(^|\/)\.codex\/config\.toml$/, /\/codex\/(?:managed_)?config\.toml$/] });
  },
  parse(doc, candidate) {
    return parseCodex(doc, candidate.scope, candidate.project);
  },
};
