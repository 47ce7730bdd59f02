import type { Command } from 'commander';
import { Option } from 'commander';
import { WardenError, WardenErrorCode } from '../model/index.js';
import type { Format } from '../report/index.js';
import { scan } from '../app/scan.js';
import type { SuppressionFiles } from '../app/suppress.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { emitReport, exitCodeFor } from './output.js';
import { collect, parseFailOn, parseFormat, type FailOn } from './options.js';
import { createProgress } from './progress.js';
import { addDiscoveryOptions, discoveryChoices, type DiscoveryFlags } from './discovery-options.js';

interface ScanFlags extends DiscoveryFlags {
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
    .description('Find every MCP server configured on this machine (or in --config files) and report risky configurations. Runs nothing, sends nothing.')
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
    .option('--no-progress', 'never draw the progress line (it is drawn only on an interactive terminal)')
    .option('-v, --verbose', 'show remediation and fingerprints for every finding, and the suppressed findings', false)
    .addHelpText('after', `\nSee which files each client is checked at with: mcp-warden clients\n\n${EXIT_CODES_HELP}`)
    .action(async (flags: ScanFlags) => {
      const progress = createProgress(flags.progress ? {} : { enabled: false });
      try {
        const { report } = await scan({
          ...discoveryChoices(flags),
          configFiles: flags.config,
          inventories: flags.inventory,
          ...(flags.failOn !== 'none' ? { failOn: flags.failOn } : {}),
          command: 'scan',
          suppression: suppressionFiles(flags),
          onProgress: progress.update,
          ...(flags.vet ? { vet: { offline: flags.offline } } : {}),
        });
        progress.stop();
        emitReport(report, { format: flags.format, ...(flags.output !== undefined ? { output: flags.output } : {}), verbose: flags.verbose });
        process.exitCode = exitCodeFor(report, flags.failOn);
      } finally {
        progress.stop();
      }
    });
}
