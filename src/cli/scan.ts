import type { Command } from 'commander';
import { Option } from 'commander';
import type { Severity } from '../model/index.js';
import type { Format } from '../report/index.js';
import { scan } from '../app/scan.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { emitReport, exitCodeFor } from './output.js';
import { collect, parseFormat, parseSeverity } from './options.js';

interface ScanFlags {
  config: string[];
  home?: string;
  project: string[];
  client: string[];
  format: Format;
  output?: string;
  failOn: Severity;
  verbose: boolean;
  inventory: string[];
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('Find every MCP server configured on this machine (or in --config files) and report risky configurations. Runs nothing, sends nothing.')
    .option('-c, --config <file>', 'scan this config file (any supported client shape, detected); repeatable', collect, [])
    .option('-i, --inventory <file>', 'analyse captured tool definitions offline (see schema/inventory.schema.json); repeatable', collect, [])
    .option('--home <dir>', 'home directory to discover client configs in (default: your home)')
    .option('-p, --project <dir>', 'also scan project-scoped configs in this directory; repeatable', collect, [])
    .option('--client <id>', 'only this client (e.g. claude-desktop, cursor, vscode); repeatable', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format: table, json, sarif, markdown').default('table').argParser(parseFormat))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').default('high').argParser(parseSeverity))
    .option('-v, --verbose', 'show remediation for every finding', false)
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (flags: ScanFlags) => {
      const { report } = await scan({
        ...(flags.home !== undefined ? { home: flags.home } : {}),
        projects: flags.project,
        configFiles: flags.config,
        inventories: flags.inventory,
        clients: flags.client,
        failOn: flags.failOn,
        command: 'scan',
      });
      emitReport(report, { format: flags.format, ...(flags.output !== undefined ? { output: flags.output } : {}), verbose: flags.verbose });
      process.exitCode = exitCodeFor(report, flags.failOn);
    });
}
