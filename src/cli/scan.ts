import type { Command } from 'commander';
import { Option } from 'commander';
import type { Severity } from '../model/index.js';
import type { Format } from '../report/index.js';
import { scan } from '../app/scan.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { emitReport, exitCodeFor } from './output.js';
import { collect, parseFormat, parseSeverity } from './options.js';
import { addDiscoveryOptions, discoveryChoices, type DiscoveryFlags } from './discovery-options.js';

interface ScanFlags extends DiscoveryFlags {
  config: string[];
  format: Format;
  output?: string;
  failOn: Severity;
  verbose: boolean;
}

export function registerScan(program: Command): void {
  const cmd = program
    .command('scan')
    .description('Find every MCP server configured on this machine (or in --config files) and report risky configurations. Runs nothing, sends nothing.')
    .option('-c, --config <file>', 'scan this config file (any supported client shape, detected); repeatable', collect, []);
  addDiscoveryOptions(cmd)
    .addOption(new Option('-f, --format <format>', 'output format: table, json, sarif, markdown').default('table').argParser(parseFormat))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').default('high').argParser(parseSeverity))
    .option('-v, --verbose', 'show remediation for every finding', false)
    .addHelpText('after', `\nSee which files each client is checked at with: mcp-warden clients\n\n${EXIT_CODES_HELP}`)
    .action(async (flags: ScanFlags) => {
      const { report } = await scan({
        ...discoveryChoices(flags),
        configFiles: flags.config,
        failOn: flags.failOn,
        command: 'scan',
      });
      emitReport(report, { format: flags.format, ...(flags.output !== undefined ? { output: flags.output } : {}), verbose: flags.verbose });
      process.exitCode = exitCodeFor(report, flags.failOn);
    });
}
