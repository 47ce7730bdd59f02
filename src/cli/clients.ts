/**
 * @module cli/clients
 * `mcp-warden clients`: lists every supported client and the paths checked for it on this OS,
 * marking which exist, so a reader can see what a scan did and did not look at.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ClientsOutcome } from '../app/clients.js';
import type { Location } from '../discovery/locations.js';
import { useColor } from './color.js';
import { addDiscoveryOptions, discoveryChoices, type DiscoveryFlags } from './discovery-options.js';

interface ClientsFlags extends DiscoveryFlags {
  json: boolean;
}

const MARK: Record<Location['status'], string> = {
  found: 'found',
  missing: '-',
  unreadable: 'unreadable',
  'not-a-file': 'not a file',
  'not-a-directory': 'not a dir',
};

function renderLocation(l: Location, color: boolean): string {
  const paint = (s: string) => (!color ? s : l.status === 'found' ? pc.green(s) : l.status === 'missing' ? pc.dim(s) : pc.yellow(s));
  const where = l.pattern !== undefined ? join(l.path, l.pattern) : l.path;
  const extra = [l.label, l.files !== undefined && l.status === 'found' ? `${l.files} file${l.files === 1 ? '' : 's'}` : undefined, l.via !== undefined ? `listed in ${l.via}` : undefined]
    .filter((x) => x !== undefined)
    .join('; ');
  return `  ${paint(MARK[l.status].padEnd(10))} ${l.scope.padEnd(8)} ${where}${extra ? color ? pc.dim(`  (${extra})`) : `  (${extra})` : ''}`;
}

export function renderClients(outcome: ClientsOutcome, color: boolean): string {
  const lines: string[] = [];
  let total = 0;
  let found = 0;
  for (const c of outcome.clients) {
    lines.push(`${color ? pc.bold(c.displayName) : c.displayName} (${c.id})  ${color ? pc.dim(c.docs) : c.docs}`);
    for (const l of c.locations) {
      total++;
      if (l.status === 'found') found++;
      lines.push(renderLocation(l, color));
    }
    lines.push('');
  }
  lines.push(`${outcome.clients.length} clients, ${total} locations checked for ${outcome.platform} under ${outcome.home}; ${found} present.`);
  return `${lines.join('\n')}\n`;
}

export function registerClients(program: Command): void {
  const cmd = program.command('clients').description('List supported MCP clients and every path checked for their configs on this OS, marking which exist.');
  addDiscoveryOptions(cmd)
    .option('--json', 'print the list as JSON', false)
    .action(async (flags: ClientsFlags) => {
      // Loaded when the command runs: defining the commands loads no use-case.
      const { clients } = await import('../app/clients.js');
      const outcome = await clients(discoveryChoices(flags));
      process.stdout.write(flags.json ? `${JSON.stringify(outcome, null, 2)}\n` : renderClients(outcome, useColor(process.stdout)));
    });
}
