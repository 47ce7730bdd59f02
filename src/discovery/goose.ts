/**
 * @module discovery/goose
 * Goose (Block): the `extensions` map in `config.yaml`: `~/.config/goose/config.yaml` on macOS and
 * Linux ($XDG_CONFIG_HOME), `%APPDATA%\Block\goose\config\config.yaml` on Windows. Each extension
 * has a `type`: `stdio` (`cmd`, `args`, `envs`), `sse` or `streamable_http` (`uri`, `headers`),
 * and `enabled`. `builtin`, `platform` and `frontend` extensions run inside Goose itself and are
 * not MCP servers configured by the user, so they are not listed; `inline_python` (code run
 * through uvx) cannot be checked from the file and is reported as such. `env_keys` name secrets
 * kept in the system keyring; their values are not in the file.
 * @see https://block.github.io/goose/docs/guides/config-files
 */
import { join } from 'node:path';
import type { ServerEntry, Transport } from '../model/index.js';
import type { ClientConfigAdapter, DiscoveryEnv } from './types.js';
import type { ConfigDocument } from './document.js';
import { platformOf, windowsAppData, xdgConfigHome } from './paths.js';
import { disabledSwitch, requireObjectRoot } from './mcp-servers-map.js';
import { describeType, isRecord, ShapeErrors, stringField, stringList, stringMap, toEntry, valueAt } from './server-decl.js';
import { detectBy, SCORE } from './detect.js';

const CLIENT = 'goose';

const TRANSPORTS: Readonly<Record<string, Transport>> = { stdio: 'stdio', sse: 'sse', streamable_http: 'http', 'streamable-http': 'http', http: 'http' };
/** Extension types that are part of Goose, not external MCP servers. */
const INTERNAL_TYPES = new Set(['builtin', 'platform', 'frontend']);

function configPath(env: DiscoveryEnv): string {
  return platformOf(env) === 'win32' ? join(windowsAppData(env), 'Block', 'goose', 'config', 'config.yaml') : join(xdgConfigHome(env), 'goose', 'config.yaml');
}

function parseGoose(doc: ConfigDocument, scope: ServerEntry['scope']) {
  const errors = new ShapeErrors(doc, CLIENT);
  const entries: ServerEntry[] = [];
  if (!requireObjectRoot(doc, errors)) return { entries, errors: errors.list };
  const extensions = valueAt(doc.value, ['extensions']);
  if (extensions === undefined || extensions === null) return { entries, errors: errors.list };
  if (!isRecord(extensions)) {
    errors.add(['extensions'], `"extensions" should be a map of extensions, found ${describeType(extensions)}`);
    return { entries, errors: errors.list };
  }
  for (const [key, ext] of Object.entries(extensions)) {
    const extAt = ['extensions', key];
    if (!isRecord(ext)) {
      errors.add(extAt, `extension "${key}" should be a map, found ${describeType(ext)}`, key);
      continue;
    }
    // Some hand-written files nest the launch details under `config:`.
    const nested = ext['type'] === undefined && isRecord(ext['config']);
    const at = nested ? [...extAt, 'config'] : extAt;
    const decl = nested ? (ext['config'] as Record<string, unknown>) : ext;
    const name = typeof decl['name'] === 'string' && decl['name'] !== '' ? decl['name'] : key;
    const type = typeof decl['type'] === 'string' ? decl['type'].toLowerCase() : undefined;
    if (type !== undefined && INTERNAL_TYPES.has(type)) continue;
    const transport = type !== undefined ? TRANSPORTS[type] : undefined;
    if (transport === undefined) {
      errors.add([...at, 'type'], `extension "${key}": type ${type === undefined ? 'is missing' : `"${type}" is not one mcp-warden can check`} (stdio, sse, streamable_http); not checked`, name);
      continue;
    }
    const command = stringField(decl, 'cmd', at, errors, name);
    const url = stringField(decl, 'uri', at, errors, name);
    if (command === undefined && url === undefined) {
      errors.add(at, `extension "${key}": declares neither "cmd" nor "uri"; not checked`, name);
      continue;
    }
    const sw = disabledSwitch(ext, extAt, errors, name);
    const cwd = stringField(decl, 'cwd', at, errors, name);
    entries.push(
      toEntry(
        doc,
        {
          name,
          at: extAt,
          transport,
          transportAt: [...at, 'type'],
          ...(command !== undefined ? { command } : {}),
          args: stringList(decl['args'], [...at, 'args'], errors, name, 'args'),
          env: stringMap(decl['envs'], [...at, 'envs'], errors, name, 'envs'),
          ...(url !== undefined ? { url } : {}),
          headers: stringMap(decl['headers'], [...at, 'headers'], errors, name, 'headers'),
          ...(cwd !== undefined ? { cwd } : {}),
          disabled: sw.disabled,
          ...(sw.at !== undefined ? { disabledAt: sw.at } : {}),
        },
        { client: CLIENT, scope },
      ),
    );
  }
  return { entries, errors: errors.list };
}

export const GooseConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'Goose',
  docs: 'https://block.github.io/goose/docs/guides/config-files',
  candidates(env) {
    return [{ path: configPath(env), scope: 'user', format: 'yaml' }];
  },
  detect(doc) {
    return detectBy(doc, { shape: (v) => (isRecord(v['extensions']) ? SCORE.distinctive : 0), paths: [/(^|\/)goose\/(?:config\/)?config\.ya?ml$/] });
  },
  parse(doc, candidate) {
    return parseGoose(doc, candidate.scope);
  },
};
