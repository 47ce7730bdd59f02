/**
 * @module discovery/claude-code
 * Claude Code keeps MCP servers in several places:
 * - `~/.claude.json`: top-level `mcpServers` (user scope) and `projects.<dir>.mcpServers` (local
 *   scope: private to you, in that project), plus per-project lists of disabled servers;
 * - `<project>/.mcp.json` (project scope, checked in), for every --project and for every project
 *   Claude Code has been used in (the keys of `projects`);
 * - `managed-mcp.json` in the machine-wide managed settings folder;
 * - plugins: `~/.claude/plugins/installed_plugins.json` lists install paths; each plugin declares
 *   servers in `.mcp.json` at its root or in `.claude-plugin/plugin.json` `mcpServers` (an object,
 *   or a path or list of paths to such files). The plugin cache (`~/.claude/plugins/cache`) is
 *   walked too, so a plugin on disk is checked even when the list does not name it.
 * @see https://docs.anthropic.com/en/docs/claude-code/mcp (scopes, .mcp.json, managed-mcp.json paths)
 * @see https://docs.anthropic.com/en/docs/claude-code/plugins-reference (plugin MCP servers)
 */
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { ScanError, ServerEntry } from '../model/index.js';
import type { Candidate, ClientConfigAdapter, ConfigCandidate, DiscoveryEnv } from './types.js';
import type { ConfigDocument } from './document.js';
import { envVar, etcDir, homePath, macSystemSupportDir, platformOf, programDataDir, programFilesDir } from './paths.js';
import { isBareServerMap, readMcpServersMap } from './mcp-servers-map.js';
import { isRecord, ShapeErrors } from './server-decl.js';
import { detectBy, has, SCORE } from './detect.js';

const CLIENT = 'claude-code';

/** `~/.claude` (or $CLAUDE_CONFIG_DIR). */
function claudeDir(env: DiscoveryEnv): string {
  return envVar(env, 'CLAUDE_CONFIG_DIR') ?? homePath(env, '.claude');
}

/** `~/.claude.json`; with $CLAUDE_CONFIG_DIR set it lives inside that folder. */
function userConfigPath(env: DiscoveryEnv): string {
  const dir = envVar(env, 'CLAUDE_CONFIG_DIR');
  return dir !== undefined ? join(dir, '.claude.json') : homePath(env, '.claude.json');
}

function managedPaths(env: DiscoveryEnv): string[] {
  switch (platformOf(env)) {
    case 'darwin':
      return [join(macSystemSupportDir(env), 'ClaudeCode', 'managed-mcp.json')];
    case 'linux':
      return [join(etcDir(env), 'claude-code', 'managed-mcp.json')];
    case 'win32':
      // Current docs: Program Files; earlier releases read ProgramData. Both are checked.
      return [join(programFilesDir(env), 'ClaudeCode', 'managed-mcp.json'), join(programDataDir(env), 'ClaudeCode', 'managed-mcp.json')];
  }
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

type FileKind = 'user-config' | 'installed-plugins' | 'plugin-manifest' | 'servers';

function kindOf(doc: ConfigDocument): FileKind {
  const name = basename(doc.path.replace(/\\/g, '/'));
  if (name === 'installed_plugins.json') return 'installed-plugins';
  if (name === 'plugin.json' && /[\\/]\.claude-plugin[\\/]plugin\.json$/.test(doc.path)) return 'plugin-manifest';
  if (name === '.claude.json' || (isRecord(doc.value) && isRecord(doc.value['projects']))) return 'user-config';
  return 'servers';
}

function parseUserConfig(doc: ConfigDocument, candidate: ConfigCandidate): { entries: ServerEntry[]; errors: ScanError[] } {
  const errors = new ShapeErrors(doc, CLIENT);
  const userScope = candidate.scope === 'file' ? 'file' : 'user';
  const entries = [...readMcpServersMap(doc, { client: CLIENT, scope: userScope, at: ['mcpServers'] }, errors).entries];
  const projects = isRecord(doc.value) ? doc.value['projects'] : undefined;
  if (projects !== undefined && !isRecord(projects)) {
    errors.add(['projects'], '"projects" should be an object keyed by project directory');
  } else if (projects) {
    for (const [dir, project] of Object.entries(projects)) {
      if (!isRecord(project)) continue; // per-project state Claude Code owns; only mcpServers matters here
      const disabled = new Set(stringArray(project['disabledMcpServers']));
      const scope = candidate.scope === 'file' ? 'file' : 'project';
      entries.push(...readMcpServersMap(doc, { client: CLIENT, scope, project: dir, at: ['projects', dir, 'mcpServers'], disabledNames: disabled }, errors).entries);
    }
  }
  return { entries, errors: errors.list };
}

/** `installed_plugins.json`: version 1 maps id → entry, version 2 maps id → list of entries. */
function installedPlugins(doc: ConfigDocument): Array<{ id: string; installPath: string; project?: string }> {
  const plugins = isRecord(doc.value) ? doc.value['plugins'] : undefined;
  if (!isRecord(plugins)) return [];
  const out: Array<{ id: string; installPath: string; project?: string }> = [];
  for (const [id, value] of Object.entries(plugins)) {
    for (const install of Array.isArray(value) ? value : [value]) {
      if (!isRecord(install) || typeof install['installPath'] !== 'string') continue;
      const project = typeof install['projectPath'] === 'string' ? install['projectPath'] : undefined;
      out.push({ id, installPath: install['installPath'], ...(project !== undefined ? { project } : {}) });
    }
  }
  return out;
}

function pluginCandidates(root: string, label: string, project?: string): ConfigCandidate[] {
  const base = { scope: 'plugin' as const, format: 'json' as const, label, ...(project !== undefined ? { project } : {}) };
  return [
    { ...base, path: join(root, '.claude-plugin', 'plugin.json') },
    { ...base, path: join(root, '.mcp.json') },
  ];
}

export const ClaudeCodeConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'Claude Code',
  docs: 'https://docs.anthropic.com/en/docs/claude-code/mcp',
  candidates(env) {
    const out: Candidate[] = [{ path: userConfigPath(env), scope: 'user', format: 'json', label: 'user and local scopes' }];
    for (const path of managedPaths(env)) out.push({ path, scope: 'managed', format: 'json' });
    for (const project of env.projects) out.push({ path: join(project, '.mcp.json'), scope: 'project', format: 'json', project });
    out.push({ path: join(claudeDir(env), 'plugins', 'installed_plugins.json'), scope: 'plugin', format: 'json', label: 'installed plugins (each plugin\'s .mcp.json and plugin.json)' });
    // Plugin copies Claude Code keeps (cache/<marketplace>/<plugin>/<version>/): read even when the
    // list above is missing or stale, so plugin servers on disk are not missed. Files already read
    // through the list are not read again.
    out.push({
      dir: join(claudeDir(env), 'plugins', 'cache'),
      match: /^(?:[^/]+\/){1,3}(?:\.mcp\.json|\.claude-plugin\/plugin\.json)$/,
      glob: '**/{.mcp.json,.claude-plugin/plugin.json}',
      depth: 5,
      scope: 'plugin',
      label: 'plugin cache',
    });
    return out;
  },
  detect(doc) {
    return detectBy(doc, {
      shape: (v) => (isRecord(v['projects']) ? SCORE.distinctive : has(v, 'mcpServers') || isBareServerMap(v) ? SCORE.shared : 0),
      paths: [/(^|\/)\.claude\.json$/, /(^|\/)\.mcp\.json$/, /(^|\/)managed-mcp\.json$/, /\/\.claude-plugin\/plugin\.json$/],
    });
  },
  parse(doc, candidate) {
    const scope = candidate.scope;
    const project = candidate.project;
    switch (kindOf(doc)) {
      case 'installed-plugins':
        return { entries: [], errors: [] };
      case 'user-config':
        return parseUserConfig(doc, candidate);
      case 'plugin-manifest':
        // Only an inline object declares servers here; a path (or list of paths) is followed by expand.
        if (!isRecord(doc.value) || !isRecord(doc.value['mcpServers'])) return { entries: [], errors: [] };
        return readMcpServersMap(doc, { client: CLIENT, scope, ...(project !== undefined ? { project } : {}), at: ['mcpServers'] });
      case 'servers': {
        const at = isBareServerMap(doc.value) ? [] : ['mcpServers'];
        return readMcpServersMap(doc, { client: CLIENT, scope, ...(project !== undefined ? { project } : {}), at });
      }
    }
  },
  expand(doc, candidate) {
    if (!isRecord(doc.value)) return [];
    switch (kindOf(doc)) {
      case 'user-config': {
        if (candidate.scope !== 'user' || !isRecord(doc.value['projects'])) return [];
        // Every project Claude Code has run in may hold a checked-in .mcp.json.
        return Object.entries(doc.value['projects']).map(([dir, state]) => {
          const disabled = isRecord(state) ? [...stringArray(state['disabledMcpjsonServers']), ...stringArray(state['disabledMcpServers'])] : [];
          return { path: join(dir, '.mcp.json'), scope: 'project' as const, format: 'json' as const, project: dir, ...(disabled.length > 0 ? { disabledServers: disabled } : {}) };
        });
      }
      case 'installed-plugins':
        return installedPlugins(doc).flatMap((p) => pluginCandidates(p.installPath, `plugin ${p.id}`, p.project));
      case 'plugin-manifest': {
        const root = dirname(dirname(doc.path));
        const ref = doc.value['mcpServers'];
        const paths = typeof ref === 'string' ? [ref] : stringArray(ref);
        return paths.map((raw) => {
          const p = raw.replace(/\$\{CLAUDE_PLUGIN_ROOT\}/g, root);
          return { ...candidate, path: isAbsolute(p) ? p : join(root, p), format: 'json' as const };
        });
      }
      case 'servers':
        return [];
    }
  },
};
