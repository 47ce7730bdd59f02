/**
 * @module discovery/kilo-code
 * Kilo Code, in both generations:
 * - the VS Code extension `kilocode.kilo-code` up to 4.x: `mcp_settings.json` in its globalStorage
 *   `settings` folder (every editor that can host it), the CLI's
 *   `~/.kilocode/cli/global/settings/mcp_settings.json`, and per project `.kilocode/mcp.json`,
 *   all an `mcpServers` map (Roo Code's format: `alwaysAllow`, `disabled`, `type`);
 * - Kilo 7+, built on OpenCode: `~/.config/kilo/kilo.json(c)` and per project `kilo.json(c)` or
 *   `.kilo/kilo.json(c)`, with OpenCode's `mcp` map (`type: local` + `command` array, `remote`).
 * @see https://kilo.ai/docs/automate/mcp/using-in-kilo-code
 */
import { basename, join } from 'node:path';
import type { Candidate, ClientConfigAdapter } from './types.js';
import { extensionSettingsDirs, homePath, xdgConfigHome } from './paths.js';
import { readMcpServersMap } from './mcp-servers-map.js';
import { hasOpenCodeMcp, jsonAndJsonc, readOpenCodeMcp } from './opencode.js';
import { projectFile } from './mcp-servers-adapter.js';
import { detectBy, has, SCORE } from './detect.js';

const CLIENT = 'kilo-code';

export const KiloCodeConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'Kilo Code',
  docs: 'https://kilo.ai/docs/automate/mcp/using-in-kilo-code',
  candidates(env) {
    const out: Candidate[] = [
      ...jsonAndJsonc(join(xdgConfigHome(env), 'kilo'), 'kilo', { scope: 'user', label: 'Kilo 7+' }),
      ...extensionSettingsDirs(env, 'kilocode.kilo-code'),
      { path: homePath(env, '.kilocode', 'cli', 'global', 'settings', 'mcp_settings.json'), scope: 'user', format: 'json', label: 'Kilo Code CLI' },
    ];
    for (const dir of env.projects) {
      out.push(...jsonAndJsonc(dir, 'kilo', { scope: 'project', project: dir }));
      out.push(...jsonAndJsonc(join(dir, '.kilo'), 'kilo', { scope: 'project', project: dir }));
      out.push(projectFile(dir, 'json', '.kilocode', 'mcp.json'));
    }
    return out;
  },
  detect(doc) {
    return detectBy(doc, {
      shape: (v) => (hasOpenCodeMcp(v) ? SCORE.distinctive : has(v, 'mcpServers') ? SCORE.shared : 0),
      paths: [/(^|\/)kilo\.jsonc?$/, /(^|\/)\.kilocode\/mcp\.json$/, /kilocode\.kilo-code\//, /\.kilocode\/cli\/global\/settings\/mcp_settings\.json$/],
    });
  },
  parse(doc, candidate) {
    if (/^kilo\.jsonc?$/.test(basename(doc.path.replace(/\\/g, '/')))) return readOpenCodeMcp(doc, CLIENT, candidate);
    return readMcpServersMap(doc, { client: CLIENT, scope: candidate.scope, ...(candidate.project !== undefined ? { project: candidate.project } : {}), at: ['mcpServers'] });
  },
};
