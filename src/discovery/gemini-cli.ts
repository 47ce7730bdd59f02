/**
 * @module discovery/gemini-cli
 * Gemini CLI: `mcpServers` in `settings.json`: user `~/.gemini/settings.json`, project
 * `.gemini/settings.json`, and the machine-wide `system-defaults.json` and `settings.json`
 * (`/etc/gemini-cli`, `/Library/Application Support/GeminiCli`, `C:\ProgramData\gemini-cli`, or
 * `$GEMINI_CLI_SYSTEM_SETTINGS_PATH` / `$GEMINI_CLI_SYSTEM_DEFAULTS_PATH`). Extensions declare
 * servers in `~/.gemini/extensions/<name>/gemini-extension.json`.
 * Transport quirk: `httpUrl` is streamable HTTP, `url` is SSE (unless `type` says otherwise).
 * `mcp.excluded` / `mcp.allowed` (older: `excludeMCPServers` / `allowMCPServers`) switch servers
 * off by name; only lists in the same file are applied (settings are merged across files at run time).
 * @see https://geminicli.com/docs/tools/mcp-server (server fields)
 * @see https://geminicli.com/docs/reference/configuration (file locations)
 */
import { join } from 'node:path';
import type { Candidate, ClientConfigAdapter, DiscoveryEnv } from './types.js';
import type { ConfigDocument } from './document.js';
import { envVar, etcDir, homePath, macSystemSupportDir, platformOf, programDataDir } from './paths.js';
import { readMcpServersMap, type ServerShape } from './mcp-servers-map.js';
import { isRecord, valueAt } from './server-decl.js';
import { detectBy, has, SCORE, someServerHas } from './detect.js';

const CLIENT = 'gemini-cli';

export const GEMINI_SHAPE: ServerShape = {
  urlKeys: ['httpUrl', 'url'],
  inferTransport: (decl, url, urlKey) => (urlKey === 'httpUrl' ? 'http' : decl['command'] !== undefined || url === undefined ? 'stdio' : 'sse'),
};

function systemDir(env: DiscoveryEnv): string {
  switch (platformOf(env)) {
    case 'darwin':
      return join(macSystemSupportDir(env), 'GeminiCli');
    case 'win32':
      return join(programDataDir(env), 'gemini-cli');
    case 'linux':
      return join(etcDir(env), 'gemini-cli');
  }
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Server names switched off by this file's allow/deny lists. */
export function geminiDisabledNames(doc: ConfigDocument): Set<string> {
  const root = doc.value;
  const servers = valueAt(root, ['mcpServers']);
  const out = new Set([...names(valueAt(root, ['mcp', 'excluded'])), ...names(valueAt(root, ['excludeMCPServers']))]);
  const allowedRaw = valueAt(root, ['mcp', 'allowed']) ?? valueAt(root, ['allowMCPServers']);
  if (Array.isArray(allowedRaw) && isRecord(servers)) {
    const allowed = new Set(names(allowedRaw));
    for (const name of Object.keys(servers)) if (!allowed.has(name)) out.add(name);
  }
  return out;
}

export const GeminiCliConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'Gemini CLI',
  docs: 'https://geminicli.com/docs/tools/mcp-server',
  candidates(env) {
    const sys = systemDir(env);
    const out: Candidate[] = [
      { path: homePath(env, '.gemini', 'settings.json'), scope: 'user', format: 'jsonc' },
      { path: envVar(env, 'GEMINI_CLI_SYSTEM_DEFAULTS_PATH') ?? join(sys, 'system-defaults.json'), scope: 'managed', format: 'jsonc', label: 'system defaults' },
      { path: envVar(env, 'GEMINI_CLI_SYSTEM_SETTINGS_PATH') ?? join(sys, 'settings.json'), scope: 'managed', format: 'jsonc', label: 'system settings (override)' },
      { dir: homePath(env, '.gemini', 'extensions'), match: /^[^/]+\/gemini-extension\.json$/, glob: '*/gemini-extension.json', depth: 2, scope: 'plugin', label: 'extensions' },
    ];
    for (const project of env.projects) out.push({ path: join(project, '.gemini', 'settings.json'), scope: 'project', format: 'jsonc', project });
    return out;
  },
  detect(doc) {
    return detectBy(doc, {
      shape: (v) => (!has(v, 'mcpServers') ? 0 : someServerHas(v, 'mcpServers', 'httpUrl') || someServerHas(v, 'mcpServers', 'trust') ? SCORE.distinctive : SCORE.shared),
      paths: [/(^|\/)\.gemini\/settings\.json$/, /gemini-cli\/(?:settings|system-defaults)\.json$/, /GeminiCli\/(?:settings|system-defaults)\.json$/, /(^|\/)gemini-extension\.json$/],
    });
  },
  parse(doc, candidate) {
    return readMcpServersMap(doc, {
      client: CLIENT,
      scope: candidate.scope,
      ...(candidate.project !== undefined ? { project: candidate.project } : {}),
      at: ['mcpServers'],
      shape: GEMINI_SHAPE,
      disabledNames: geminiDisabledNames(doc),
    });
  },
};
