/**
 * @module discovery/zed
 * Zed: `context_servers` in `settings.json` (JSONC): `~/.config/zed/settings.json` on Linux
 * ($XDG_CONFIG_HOME) and macOS, `%APPDATA%\Zed\settings.json` on Windows, and per project
 * `.zed/settings.json`. A server is written in one of three ways:
 * - `"command": { "path", "args", "env" }` (the original form),
 * - `"command": "…", "args": […], "env": {…}` (the flat form, often with `"source": "custom"`),
 * - `"url"` with optional `"headers"` (remote);
 * and `"source": "extension"` servers are launched by a Zed extension (no command in the file; the
 * string values of their `settings` are listed as env, since the extension hands them to the server).
 * `"enabled": false` switches a server off.
 * @see https://zed.dev/docs/ai/mcp
 */
import { join } from 'node:path';
import type { ServerEntry } from '../model/index.js';
import type { Candidate, ClientConfigAdapter, DiscoveryEnv } from './types.js';
import type { ConfigDocument } from './document.js';
import { platformOf, windowsAppData, xdgConfigHome } from './paths.js';
import { disabledSwitch, requireObjectRoot, transportFromUrl } from './mcp-servers-map.js';
import { describeType, isRecord, ShapeErrors, stringField, stringList, stringMap, toEntry, valueAt, type ServerDecl } from './server-decl.js';
import { detectBy, has, SCORE } from './detect.js';

const CLIENT = 'zed';

function userSettings(env: DiscoveryEnv): string {
  return platformOf(env) === 'win32' ? join(windowsAppData(env), 'Zed', 'settings.json') : join(xdgConfigHome(env), 'zed', 'settings.json');
}

function zedDecl(name: string, decl: Record<string, unknown>, errors: ShapeErrors): ServerDecl {
  const at = ['context_servers', name];
  const nested = decl['command'];
  // The original form nests path/args/env under `command`.
  const base = isRecord(nested) ? [...at, 'command'] : at;
  const holder = isRecord(nested) ? nested : decl;
  const command = stringField(holder, isRecord(nested) ? 'path' : 'command', base, errors, name);
  const url = stringField(decl, 'url', at, errors, name);
  const sw = disabledSwitch(decl, at, errors, name);
  return {
    name,
    at,
    transport: command === undefined && url !== undefined ? transportFromUrl(url.value) : 'stdio',
    ...(command !== undefined ? { command } : {}),
    args: stringList(holder['args'], [...base, 'args'], errors, name, 'args'),
    env: stringMap(holder['env'], [...base, 'env'], errors, name, 'env'),
    ...(url !== undefined ? { url } : {}),
    headers: stringMap(decl['headers'], [...at, 'headers'], errors, name, 'headers'),
    disabled: sw.disabled,
    ...(sw.at !== undefined ? { disabledAt: sw.at } : {}),
  };
}

function parseZed(doc: ConfigDocument, scope: ServerEntry['scope'], project: string | undefined) {
  const errors = new ShapeErrors(doc, CLIENT);
  const entries: ServerEntry[] = [];
  if (!requireObjectRoot(doc, errors)) return { entries, errors: errors.list };
  const servers = valueAt(doc.value, ['context_servers']);
  if (servers === undefined || servers === null) return { entries, errors: errors.list };
  if (!isRecord(servers)) {
    errors.add(['context_servers'], `"context_servers" should be an object of servers, found ${describeType(servers)}`);
    return { entries, errors: errors.list };
  }
  for (const [name, decl] of Object.entries(servers)) {
    if (!isRecord(decl)) {
      errors.add(['context_servers', name], `server "${name}" should be an object, found ${describeType(decl)}`, name);
      continue;
    }
    const d = zedDecl(name, decl, errors);
    if (decl['source'] === 'extension' && isRecord(decl['settings'])) {
      // An extension turns its settings into the server's environment or arguments; listing the
      // string values as env keeps a token pasted there visible to the secret rules.
      for (const [key, value] of Object.entries(decl['settings'])) {
        if (typeof value === 'string') d.env.push([key, { value, at: ['context_servers', name, 'settings', key] }]);
      }
    }
    if (d.command === undefined && d.url === undefined && decl['source'] !== 'extension' && !isRecord(decl['settings'])) {
      errors.add(['context_servers', name], `server "${name}": declares neither a command, a URL nor an extension source; server not checked`, name);
      continue;
    }
    entries.push(toEntry(doc, d, { client: CLIENT, scope, ...(project !== undefined ? { project } : {}) }));
  }
  return { entries, errors: errors.list };
}

export const ZedConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'Zed',
  docs: 'https://zed.dev/docs/ai/mcp',
  candidates(env) {
    const out: Candidate[] = [{ path: userSettings(env), scope: 'user', format: 'jsonc' }];
    for (const project of env.projects) out.push({ path: join(project, '.zed', 'settings.json'), scope: 'project', format: 'jsonc', project });
    return out;
  },
  detect(doc) {
    return detectBy(doc, { shape: (v) => (has(v, 'context_servers') ? SCORE.distinctive : 0), paths: [/(^|\/)zed\/settings\.json$/i, /(^|\/)\.zed\/settings\.json$/] });
  },
  parse(doc, candidate) {
    return parseZed(doc, candidate.scope, candidate.project);
  },
};
