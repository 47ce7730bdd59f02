import type { Command } from 'commander';
import { Option } from 'commander';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import type { Format } from '../report/index.js';
import type { SuppressionFiles } from '../app/suppress.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { addLiveFlags, exitOnInterrupt, liveOnlyFlagsUsed, liveOptionsFrom, printServerLogs, terminalPrompt, type LiveFlags } from './live-flags.js';
import { collect, parseFailOn, parseFormat, type FailOn } from './options.js';
import { addDiscoveryOptions, discoveryChoices, type DiscoveryFlags } from './discovery-options.js';

interface ScanFlags extends DiscoveryFlags, LiveFlags {
  live: boolean;
  config: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
  verbose: boolean;
  inventory: string[];
  baseline?: string;
  writeBaseline?: string;
  settings?: string | false;
  ignoreFile?: string;
  progress: boolean;
  vet: boolean;
  offline: boolean;
  stateDir?: string;
  state: boolean;
  ioc: string[];
}

function suppressionFiles(flags: ScanFlags): SuppressionFiles {
  if (typeof flags.settings === 'string' && flags.ignoreFile !== undefined && flags.settings !== flags.ignoreFile) {
    throw new WardenError(WardenErrorCode.Usage, '--settings and --ignore-file name the same file; give only one');
  }
  const settingsFile = typeof flags.settings === 'string' ? flags.settings : flags.ignoreFile;
  return {
    cwd: process.cwd(),
    ...(settingsFile !== undefined ? { settingsFile } : {}),
    ...(flags.settings === false ? { noSettings: true } : {}),
    ...(flags.baseline !== undefined ? { baselineFile: flags.baseline } : {}),
    ...(flags.writeBaseline !== undefined ? { writeBaselineFile: flags.writeBaseline } : {}),
  };
}

export function registerScan(program: Command): void {
  const cmd = program
    .command('scan')
    .description(
      'Find every MCP server configured on this machine (or in --config files) and report risky configurations. Runs nothing, sends nothing, unless --live: then each server is also connected to (local ones only with consent, sandboxed) and what it advertises is analysed.',
    )
    .option('-c, --config <file>', 'scan this config file (any supported client shape, detected); repeatable', collect, [])
    .option('-i, --inventory <file>', 'analyse captured tool definitions offline (see schema/inventory.schema.json); repeatable', collect, []);
  addDiscoveryOptions(cmd)
    .addOption(new Option('-f, --format <format>', 'output format: table, json, sarif, markdown').default('table').argParser(parseFormat))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity: critical, high, medium, low, info, or none (never)')
        .default('high')
        .argParser(parseFailOn),
    )
    .option('--baseline <file>', 'suppress the findings recorded in this baseline file; only new findings are reported')
    .option('--write-baseline <file>', 'record the current findings (after ignores) in this baseline file, then apply it')
    .option('--settings <file>', 'project settings with rule ignores (default: .mcp-warden.yaml in the working directory)')
    .option('--no-settings', 'do not read .mcp-warden.yaml from the working directory')
    .option('--ignore-file <file>', 'same as --settings')
    .option('--vet', 'also vet the packages the servers install (contacts registries; see `mcp-warden vet --help`)', false)
    .option('--offline', 'with --vet: answer only from the vet cache, make no network request', false)
    .option('--state-dir <dir>', 'per-user store of approved tool definitions (trust on first use) when the scan sees definitions (--inventory, --live) (default: platform data dir)/mcp-warden')
    .option('--no-state', 'neither compare definitions with earlier scans nor record them')
    .option('--ioc <file>', 'extra IoC feed (JSON, see docs/supply-chain.md) for the host lookups and --vet; repeatable', collect, [])
    .option('--no-progress', 'never draw the progress line (it is drawn only on an interactive terminal)')
    .option('-v, --verbose', 'show remediation and fingerprints for every finding, the suppressed findings, and with --live the stderr of local servers', false)
    .option('--live', 'also connect to each server and analyse what it advertises (consent, sandbox: see the flags below)', false);
  addLiveFlags(cmd)
    .addHelpText('after', `\nSee which files each client is checked at with: mcp-warden clients\n\n${EXIT_CODES_HELP}`)
    .action(async (flags: ScanFlags) => {
      const stray = flags.live ? [] : liveOnlyFlagsUsed(flags);
      if (stray.length > 0) throw new WardenError(WardenErrorCode.Usage, `${stray.join(', ')} only apply with --live`);
      // Loaded when the command runs: defining the commands loads no use-case.
      const [{ scan }, { emitReport, exitCodeFor }, { createProgress }] = await Promise.all([import('../app/scan.js'), import('./output.js'), import('./progress.js')]);
      if (flags.live) exitOnInterrupt();
      const progress = createProgress(flags.progress ? {} : { enabled: false });
      const ask = terminalPrompt();
      // The progress line and the consent question share the terminal: clear the line before asking.
      const prompt = ask ? (text: string, launch: Parameters<typeof ask>[1]) => (progress.stop(), ask(text, launch)) : undefined;
      try {
        const { report, live } = await scan({
          ...discoveryChoices(flags),
          configFiles: flags.config,
          inventories: flags.inventory,
          ...(flags.state ? (flags.stateDir !== undefined ? { stateDir: flags.stateDir } : {}) : { stateDir: false }),
          ...(flags.failOn !== 'none' ? { failOn: flags.failOn } : {}),
          command: flags.live ? 'scan --live' : 'scan',
          suppression: suppressionFiles(flags),
          onProgress: progress.update,
          iocFiles: flags.ioc,
          ...(flags.vet ? { vet: { offline: flags.offline } } : {}),
          ...(flags.live ? { live: liveOptionsFrom(flags, { singleServer: false, ...(prompt ? { prompt } : {}) }) } : {}),
        });
        progress.stop();
        if (live && flags.saveInventory !== undefined) {
          const kept = live.snapshots.filter((s) => live.completeServers.has(s.name));
          const [{ saveInventory }, { redactDeep }] = await Promise.all([import('../app/save-inventory.js'), import('../report/redact.js')]);
          const { backup } = await saveInventory(flags.saveInventory, redactDeep(kept, live.sensitive));
          const left = live.snapshots.length - kept.length;
          report.notes.push(
            `inventory written to ${flags.saveInventory}: ${kept.length} server(s)${left > 0 ? `; ${left} left out because their inspection had errors` : ''}${backup ? `; previous file kept as ${backup}` : ''}`,
          );
        }
        if (live && flags.verbose) await printServerLogs(live.logs, live.sensitive);
        emitReport(report, { format: flags.format, ...(flags.output !== undefined ? { output: flags.output } : {}), verbose: flags.verbose });
        process.exitCode = exitCodeFor(report, flags.failOn);
      } finally {
        progress.stop();
      }
    });
}
