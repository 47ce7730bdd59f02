import type { Command } from 'commander';
import { Option } from 'commander';
import type { Severity } from '../model/index.js';
import type { Format } from '../report/index.js';
import { scan } from '../app/scan.js';
import { saveInventory } from '../app/save-inventory.js';
import { WardenError, WardenErrorCode } from '../model/index.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { addLiveFlags, exitOnInterrupt, liveOnlyFlagsUsed, liveOptionsFrom, printServerLogs, terminalPrompt, type LiveFlags } from './live-flags.js';
import { emitReport, exitCodeFor } from './output.js';
import { collect, parseFormat, parseSeverity } from './options.js';

interface ScanFlags extends LiveFlags {
  live: boolean;
  config: string[];
  home?: string;
  project: string[];
  client: string[];
  format: Format;
  output?: string;
  failOn: Severity;
  verbose: boolean;
}

export function registerScan(program: Command): void {
  const cmd = program
    .command('scan')
    .description(
      'Find every MCP server configured on this machine (or in --config files) and report risky configurations. Runs nothing, sends nothing, unless --live: then each server is also connected to (local ones only with consent, sandboxed) and what it advertises is analysed.',
    )
    .option('-c, --config <file>', 'scan this config file (any supported client shape, detected); repeatable', collect, [])
    .option('--home <dir>', 'home directory to discover client configs in (default: your home)')
    .option('-p, --project <dir>', 'also scan project-scoped configs in this directory; repeatable', collect, [])
    .option('--client <id>', 'only this client (e.g. claude-desktop, cursor, vscode); repeatable', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format: table, json, sarif, markdown').default('table').argParser(parseFormat))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').default('high').argParser(parseSeverity))
    .option('-v, --verbose', 'show remediation for every finding, and with --live the stderr of local servers', false)
    .option('--live', 'also connect to each server and analyse what it advertises (see the flags below)', false);
  addLiveFlags(cmd)
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (flags: ScanFlags) => {
      const stray = flags.live ? [] : liveOnlyFlagsUsed(flags);
      if (stray.length > 0) throw new WardenError(WardenErrorCode.Usage, `${stray.join(', ')} only apply with --live`);
      if (flags.live) exitOnInterrupt();
      const prompt = terminalPrompt();
      const { report, live } = await scan({
        ...(flags.home !== undefined ? { home: flags.home } : {}),
        projects: flags.project,
        configFiles: flags.config,
        clients: flags.client,
        failOn: flags.failOn,
        command: flags.live ? 'scan --live' : 'scan',
        ...(flags.live ? { live: liveOptionsFrom(flags, { singleServer: false, ...(prompt ? { prompt } : {}) }) } : {}),
      });
      if (live && flags.saveInventory !== undefined) {
        const kept = live.snapshots.filter((s) => live.completeServers.has(s.name));
        const { backup } = await saveInventory(flags.saveInventory, kept);
        const left = live.snapshots.length - kept.length;
        report.notes.push(
          `inventory written to ${flags.saveInventory}: ${kept.length} server(s)${left > 0 ? `; ${left} left out because their inspection had errors` : ''}${backup ? `; previous file kept as ${backup}` : ''}`,
        );
      }
      if (live && flags.verbose) printServerLogs(live.logs);
      emitReport(report, { format: flags.format, ...(flags.output !== undefined ? { output: flags.output } : {}), verbose: flags.verbose });
      process.exitCode = exitCodeFor(report, flags.failOn);
    });
}
