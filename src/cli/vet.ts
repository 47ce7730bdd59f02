import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Format } from '../report/index.js';
import { ENDPOINT_ENV } from '../supplychain/endpoints.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { collect, parseFailOn, parseFormat, type FailOn } from './options.js';
import { addDiscoveryOptions, discoveryChoices, type DiscoveryFlags } from './discovery-options.js';

interface VetFlags extends DiscoveryFlags {
  config: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
  verbose: boolean;
  offline: boolean;
  cacheDir?: string;
  npmRegistry?: string;
  pypiUrl?: string;
  mcpRegistry?: string;
  ociRegistry?: string;
  githubApiUrl?: string;
  ioc: string[];
  trustedRoot?: string;
  newVersionDays: number;
  timeout: number;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a non-negative number');
  return n;
}

const VET_HELP = `
Network: vet asks the npm registry, PyPI, container registries and the MCP registry about the packages
your servers install, and the GitHub API (api.github.com) for the tags of the repositories they name,
only when you run it, and lists every host it contacted in the report notes. --offline answers from
the cache of earlier runs and opens no socket. Base URLs can also be set with
${Object.values(ENDPOINT_ENV).join(', ')}; MCP_WARDEN_GITHUB_TOKEN sends a GitHub token (raises the
rate limit from 60 to 5,000 requests an hour).

Not checked is never clean: a registry or GitHub that cannot be reached, rate limits, data a mirror
strips, and cache misses under --offline are listed under "Not checked", and the exit code is 3.`;

export function registerVet(program: Command): void {
  const cmd = program
    .command('vet')
    .description('Check the packages your MCP servers install (npm, PyPI, container images, MCPB): known-malicious versions and hosts, typosquats, unpinned specs, install scripts, new releases, maintainer changes, provenance, versions far ahead of their repository\'s tags, MCP registry listing.')
    .option('-c, --config <file>', 'vet the servers in this config file; repeatable', collect, []);
  addDiscoveryOptions(cmd)
    .addOption(new Option('-f, --format <format>', 'output format: table, json, sarif, markdown').default('table').argParser(parseFormat))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (or none)').default('high').argParser(parseFailOn))
    .option('-v, --verbose', 'show remediation for every finding', false)
    .option('--offline', 'use only the local cache; make no network request', false)
    .option('--cache-dir <dir>', 'registry response cache (default: the platform cache directory)')
    .option('--npm-registry <url>', 'npm registry base URL (default https://registry.npmjs.org)')
    .option('--pypi-url <url>', 'PyPI base URL (default https://pypi.org)')
    .option('--mcp-registry <url>', 'MCP registry base URL (default https://registry.modelcontextprotocol.io)')
    .option('--oci-registry <url>', 'OCI distribution API base URL for every image (default: each image\'s own registry)')
    .option('--github-api-url <url>', 'GitHub REST API base URL, for comparing versions with repository tags (default https://api.github.com)')
    .option('--ioc <file>', 'extra IoC feed (JSON, see docs/supply-chain.md); repeatable', collect, [])
    .option('--trusted-root <file>', 'Sigstore trusted_root.json for provenance (default: the public-good root bundled with @sigstore/tuf)')
    .addOption(new Option('--new-version-days <days>', 'report releases younger than this').default(7).argParser(parsePositive))
    .addOption(new Option('--timeout <ms>', 'per-request timeout').default(20_000).argParser(parsePositive))
    .addHelpText('after', `${VET_HELP}\n\n${EXIT_CODES_HELP}`)
    .action(async (flags: VetFlags) => {
      const endpoints = {
        ...(flags.npmRegistry !== undefined ? { npm: flags.npmRegistry } : {}),
        ...(flags.pypiUrl !== undefined ? { pypi: flags.pypiUrl } : {}),
        ...(flags.mcpRegistry !== undefined ? { mcpRegistry: flags.mcpRegistry } : {}),
        ...(flags.ociRegistry !== undefined ? { oci: flags.ociRegistry } : {}),
        ...(flags.githubApiUrl !== undefined ? { github: flags.githubApiUrl } : {}),
      };
      // Loaded on use: the registry and Sigstore clients cost seconds of startup for every other command.
      const [{ vet }, { emitReport, exitCodeFor }] = await Promise.all([import('../app/vet.js'), import('./output.js')]);
      const { report } = await vet({
        ...discoveryChoices(flags),
        configFiles: flags.config,
        ...(flags.failOn !== 'none' ? { failOn: flags.failOn } : {}),
        offline: flags.offline,
        ...(flags.cacheDir !== undefined ? { cacheDir: flags.cacheDir } : {}),
        endpoints,
        iocFiles: flags.ioc,
        ...(flags.trustedRoot !== undefined ? { trustedRoot: flags.trustedRoot } : {}),
        newVersionDays: flags.newVersionDays,
        timeoutMs: flags.timeout,
        command: 'vet',
      });
      emitReport(report, { format: flags.format, ...(flags.output !== undefined ? { output: flags.output } : {}), verbose: flags.verbose });
      process.exitCode = exitCodeFor(report, flags.failOn);
    });
}
