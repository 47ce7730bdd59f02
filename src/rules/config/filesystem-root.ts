/**
 * @fileoverview A filesystem MCP server (read/write/search files) granted `/`, a drive root,
 * every home, the whole home directory or a credential directory.
 */
import { defineRule } from '../define.js';
import { Atlas, Attack } from '../attack.js';
import type { ServerEntry, Severity } from '../../model/index.js';
import { programName } from '../../analysis/command-line.js';
import { parseLaunch, type Token } from '../../analysis/launch.js';
import type { RuleReport } from '../types.js';
import type { ConfigRuleContext } from './types.js';
import { locateToken } from './utils/fields.js';
import { classifyHostPath, type PathExposure } from './utils/host-paths.js';

/**
 * Filesystem servers by package or program name: the reference server and its ports and forks
 * (`@modelcontextprotocol/server-filesystem`, `mcp-server-filesystem`, `mcp-filesystem-server`,
 * `@cyanheads/filesystem-mcp-server`, `filesystem-mcp`, …).
 */
const FILESYSTEM_NAME = /(?:^|[/@_-])file-?system(?:$|[/@_-])|(?:^|[/-])(?:mcp-)?fs-(?:mcp|server)(?:$|[/@-])/i;

const SEVERITY: Readonly<Record<Exclude<PathExposure, 'docker-socket' | 'system'>, Severity>> = {
  root: 'critical',
  'drive-root': 'critical',
  'all-homes': 'critical',
  home: 'high',
  credentials: 'high',
};

/** The directories a filesystem server is given: positional args, and values of `--dir=`-style flags. */
function grantedPaths(args: readonly Token[]): Token[] {
  const out: Token[] = [];
  args.forEach((t, i) => {
    const eq = /^--?[A-Za-z][\w-]{0,60}=(.+)$/.exec(t.text);
    if (eq) out.push({ text: eq[1] ?? '', arg: t.arg });
    else if (!t.text.startsWith('-')) {
      const prev = args[i - 1]?.text ?? '';
      // `--flag value`: the value counts only when the flag names a directory.
      if (!prev.startsWith('-') || /(?:dir|directory|root|path|allow|mount|base)/i.test(prev)) out.push(t);
    }
  });
  return out;
}

export default defineRule<ServerEntry, ConfigRuleContext, 'granted'>({
  kind: 'config',
  meta: {
    id: 'config/filesystem-root',
    title: 'Filesystem server granted the whole disk or home',
    description:
      'A filesystem server lets the model read, write and search every file under the directories it is given. Given `/`, a drive or the home directory, one prompt injection away is every SSH key, cloud credential, browser profile and shell startup file the user has.',
    severity: 'high',
    category: 'least-privilege',
    attack: [Attack.DataFromLocalSystem, Attack.FileAndDirectoryDiscovery, Atlas.DataFromLocalSystem],
    remediation: 'Grant only the project directories the work needs (`…/server-filesystem /home/me/projects/app`), never `/`, a drive root or the whole home; run it in a container with those directories mounted read-only when writes are not needed.',
    messages: {
      granted: 'Filesystem server "{{server}}" is granted {{path}}: the model can read, write and search everything under it, credentials included.',
    },
  },
  check(entry, ctx) {
    if (entry.transport !== 'stdio') return [];
    const launch = parseLaunch(entry);
    const reports: RuleReport<'granted'>[] = [];
    const seen = new Set<string>();
    const consider = (candidates: Token[]) => {
      for (const t of grantedPaths(candidates)) {
        const exposed = classifyHostPath(t.text, ctx);
        if (!exposed || exposed.exposure === 'docker-socket' || exposed.exposure === 'system' || seen.has(exposed.label)) continue;
        seen.add(exposed.label);
        const loc = locateToken(entry, t);
        reports.push({ messageId: 'granted', data: { server: entry.name, path: exposed.label }, severity: SEVERITY[exposed.exposure], field: loc.pointer, ...(loc.line !== undefined ? { line: loc.line } : {}), evidence: t.text });
      }
    };
    for (const runner of launch.runners) {
      // In a container the server sees container paths; what it can reach is decided by the
      // mounts, which config/dangerous-flags judges.
      if (runner.runner === 'docker-run') continue;
      if (runner.packages.some((p) => FILESYSTEM_NAME.test(p.name))) consider(runner.serverArgs);
    }
    // An installed binary or script: `mcp-server-filesystem /`, `node …/server-filesystem/dist/index.js ~`.
    for (const command of launch.commands) {
      if (launch.runners.some((r) => command.some((t) => r.packages.some((p) => p.at === t)))) continue;
      const first = command[0];
      if (!first) continue;
      const scriptIndex = command.findIndex((t, i) => i > 0 && FILESYSTEM_NAME.test(t.text));
      if (FILESYSTEM_NAME.test(programName(first.text))) consider(command.slice(1));
      else if (scriptIndex > 0) consider(command.slice(scriptIndex + 1));
    }
    return reports;
  },
});
