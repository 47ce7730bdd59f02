/**
 * @module discovery/vscode
 * VS Code (stable, Insiders, VSCodium, and the remote VS Code Server):
 * - `User/mcp.json`: `servers` map (plus `inputs`, prompted values referenced as `${input:id}`);
 * - `User/settings.json`: `"mcp": { "servers": … }` (the older place), or the flat `"mcp.servers"` key;
 * - `User/profiles/<id>/mcp.json` and `…/settings.json` for each profile;
 * - per project: `.vscode/mcp.json`, `.vscode/settings.json`, and `*.code-workspace` `settings.mcp`.
 * Entries carry `type` (stdio, http, sse); `${input:…}` and `${env:…}` references are kept verbatim
 * for the rules that judge them. All files are JSONC.
 * @see https://code.visualstudio.com/docs/copilot/customization/mcp-servers (file locations, format)
 * @see https://code.visualstudio.com/docs/copilot/reference/mcp-configuration (the `servers` schema)
 */
import { basename, join } from 'node:path';
import type { ScanError, ServerEntry } from '../model/index.js';
import type { Candidate, ClientConfigAdapter } from './types.js';
import type { ConfigDocument, DocPath } from './document.js';
import { vscodeHosts } from './paths.js';
import { readMcpServersMap, requireObjectRoot } from './mcp-servers-map.js';
import { isRecord, ShapeErrors, valueAt } from './server-decl.js';
import { detectBy, has, SCORE } from './detect.js';

const CLIENT = 'vscode';

/** Where the server map sits in each kind of file. */
function serverMapLocations(doc: ConfigDocument): DocPath[] {
  const name = basename(doc.path.replace(/\\/g, '/'));
  if (name.endsWith('.code-workspace')) return [['settings', 'mcp', 'servers'], ['settings', 'mcp.servers']];
  if (name === 'settings.json') return [['mcp', 'servers'], ['mcp.servers']];
  // mcp.json, or a --config file of either shape.
  return isRecord(doc.value) && !has(doc.value, 'servers') ? [['mcp', 'servers'], ['mcp.servers']] : [['servers']];
}

/** Ids of the `inputs` array beside a server map (`servers` → `inputs`, `mcp.servers` → `mcp.inputs`). */
function inputIdsNextTo(doc: ConfigDocument, serversAt: DocPath): string[] {
  const last = String(serversAt[serversAt.length - 1]);
  const inputs = valueAt(doc.value, [...serversAt.slice(0, -1), last.replace(/servers$/, 'inputs')]);
  if (!Array.isArray(inputs)) return [];
  return inputs.flatMap((i) => (isRecord(i) && typeof i['id'] === 'string' ? [i['id']] : []));
}

export const VsCodeConfigAdapter: ClientConfigAdapter = {
  id: CLIENT,
  displayName: 'VS Code',
  docs: 'https://code.visualstudio.com/docs/copilot/customization/mcp-servers',
  candidates(env) {
    const out: Candidate[] = [];
    for (const host of vscodeHosts(env)) {
      out.push({ path: join(host.userDir, 'mcp.json'), scope: 'user', format: 'jsonc', label: host.label });
      out.push({ path: join(host.userDir, 'settings.json'), scope: 'user', format: 'jsonc', label: `${host.label} settings` });
      out.push({ dir: join(host.userDir, 'profiles'), match: /^[^/]+\/(?:mcp|settings)\.json$/, glob: '*/{mcp,settings}.json', depth: 2, scope: 'user', label: `${host.label} profiles` });
    }
    for (const project of env.projects) {
      out.push({ path: join(project, '.vscode', 'mcp.json'), scope: 'project', format: 'jsonc', project });
      out.push({ path: join(project, '.vscode', 'settings.json'), scope: 'project', format: 'jsonc', project });
      out.push({ dir: project, match: /^[^/]+\.code-workspace$/, glob: '*.code-workspace', depth: 1, scope: 'project', project, label: 'workspace files' });
    }
    return out;
  },
  detect(doc) {
    return detectBy(doc, {
      shape: (v) => {
        const nested = valueAt(v, ['mcp', 'servers']) ?? valueAt(v, ['settings', 'mcp', 'servers']);
        return has(v, 'servers') || has(v, 'mcp.servers') || nested !== undefined ? SCORE.distinctive : 0;
      },
      paths: [/(^|\/)\.vscode\/(?:mcp|settings)\.json$/, /\/User\/(?:profiles\/[^/]+\/)?(?:mcp|settings)\.json$/, /\.code-workspace$/],
    });
  },
  parse(doc, candidate) {
    const errors = new ShapeErrors(doc, CLIENT);
    const entries: ServerEntry[] = [];
    if (!requireObjectRoot(doc, errors)) return { entries, errors: errors.list };
    for (const at of serverMapLocations(doc)) {
      const read = readMcpServersMap(doc, { client: CLIENT, scope: candidate.scope, ...(candidate.project !== undefined ? { project: candidate.project } : {}), at }, errors).entries;
      const inputIds = inputIdsNextTo(doc, at);
      entries.push(...read.map((e) => ({ ...e, inputIds })));
    }
    return { entries, errors: errors.list as ScanError[] };
  },
};
