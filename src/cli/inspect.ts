/**
 * @module cli/inspect
 * `mcp-warden inspect <server>` (a server from the discovered configs), `inspect -- <command> [args]`
 * or `inspect --url <url>`: connect, show everything the server advertises, and the findings.
 */
import { basename } from 'node:path';
import { homedir } from 'node:os';
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import type { ServerEntry } from '../model/index.js';
import type { Format } from '../report/index.js';
import { addDiscoveryOptions, discoveryChoices, type DiscoveryFlags } from './discovery-options.js';
import { useColor } from './color.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { addLiveFlags, exitOnInterrupt, liveOptionsFrom, printServerLogs, terminalPrompt, type LiveFlags } from './live-flags.js';
import { collect, parseFailOn, parseFormat, type FailOn } from './options.js';

interface InspectFlags extends LiveFlags, DiscoveryFlags {
  config: string[];
  url?: string;
  sse: boolean;
  name?: string;
  format: Format;
  output?: string;
  failOn: FailOn;
  verbose: boolean;
}

/** `npx -y @scope/pkg` -> `@scope/pkg`; `node server.js` -> `server.js`; `my-server` -> `my-server`. */
export function defaultName(command: string, args: readonly string[]): string {
  const firstOperand = args.find((a) => !a.startsWith('-'));
  const launcher = /^(npx|uvx|pipx|bunx|pnpm|yarn|uv|docker|podman|deno|node|python3?|bun)(\.(cmd|exe))?$/i.test(basename(command));
  return launcher && firstOperand !== undefined ? (firstOperand.includes('/') && !firstOperand.startsWith('@') ? basename(firstOperand) : firstOperand) : basename(command);
}

async function entriesFor(target: string[], afterDashes: boolean, flags: InspectFlags): Promise<{ entries: ServerEntry[]; hideFiles: string[] }> {
  const { commandLineEntry } = await import('../app/inspect.js');
  if (flags.url !== undefined) {
    if (target.length > 0) throw new WardenError(WardenErrorCode.Usage, 'give either --url or a server name / command, not both');
    let host: string;
    try {
      host = new URL(flags.url).host;
    } catch {
      throw new WardenError(WardenErrorCode.Usage, `--url ${JSON.stringify(flags.url)} is not a URL`);
    }
    return { entries: [commandLineEntry({ name: flags.name ?? host, url: flags.url, transport: flags.sse ? 'sse' : 'http' })], hideFiles: [] };
  }
  if (afterDashes) {
    const [command, ...args] = target;
    if (command === undefined) throw new WardenError(WardenErrorCode.Usage, 'nothing after --: give the server command, e.g. inspect -- npx -y @modelcontextprotocol/server-everything');
    return { entries: [commandLineEntry({ name: flags.name ?? defaultName(command, args), command, args })], hideFiles: [] };
  }
  const [name, ...extra] = target;
  if (name === undefined) throw new WardenError(WardenErrorCode.Usage, 'which server? give a server name, -- <command> [args], or --url <url>');
  if (extra.length > 0) throw new WardenError(WardenErrorCode.Usage, `one server name expected, got ${target.length}; to run a command put it after --`);
  const { scan } = await import('../app/scan.js');
  const { entries, files } = await scan({ ...discoveryChoices(flags), configFiles: flags.config, command: 'inspect' });
  const matching = entries.filter((e) => e.name === name);
  if (matching.length === 0) {
    const known = [...new Set(entries.map((e) => e.name))].sort();
    throw new WardenError(WardenErrorCode.Usage, `no server named ${JSON.stringify(name)} in the discovered configs`, {
      hint: known.length > 0 ? `servers found: ${known.join(', ')}` : 'no servers were found; use --config <file>, --home or --project',
    });
  }
  return { entries: matching, hideFiles: files.map((f) => f.path) };
}

export function registerInspect(program: Command): void {
  const cmd = program
    .command('inspect')
    .description('Connect to one server and show everything it advertises (tools, prompts, resources, instructions) with the findings. Local servers start only with consent, sandboxed.')
    .argument('[target...]', 'a server name from the discovered configs, or after -- the command that starts a server')
    .option('--url <url>', 'inspect the remote server at this URL (streamable HTTP, falling back to SSE)')
    .option('--sse', 'with --url: use the legacy SSE transport', false)
    .option('--name <name>', 'name to report a command-line or --url server under')
    .option('-c, --config <file>', 'look the server up in this config file; repeatable', collect, []);
  addDiscoveryOptions(cmd)
    .addOption(new Option('-f, --format <format>', 'output format: table, json, sarif, markdown').default('table').argParser(parseFormat))
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity: critical, high, medium, low, info, or none (never)').default('high').argParser(parseFailOn),
    )
    .option('-v, --verbose', "show remediation, and the server's stderr", false);
  addLiveFlags(cmd)
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (target: string[], flags: InspectFlags, self: Command) => {
      // Commander drops the `--` itself; its untyped rawArgs still has it, and only `--` means "a command follows".
      const raw = (self.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? [];
      const afterDashes = raw.includes('--');
      const { entries, hideFiles } = await entriesFor(target, afterDashes, flags);
      exitOnInterrupt();
      const prompt = terminalPrompt();
      const live = liveOptionsFrom(flags, { singleServer: new Set(entries.map((e) => e.name)).size === 1, ...(prompt ? { prompt } : {}) });
      const home = flags.home ?? homedir();
      const [{ inspectEntries }, { redactDeep, render }, { renderSnapshot }, { exitCodeFor }] = await Promise.all([
        import('../app/inspect.js'),
        import('../report/index.js'),
        import('./inspect-view.js'),
        import('./output.js'),
      ]);
      const { report, live: outcome } = await inspectEntries(entries, { home, env: process.env, ...(flags.failOn !== 'none' ? { failOn: flags.failOn } : {}), command: 'inspect', hideFiles, live });
      // Server-supplied text is echoed back: redact what we passed to the server, and known secret formats.
      const snapshots = redactDeep(outcome.snapshots, outcome.sensitive);
      if (flags.saveInventory !== undefined) {
        const kept = snapshots.filter((s) => outcome.completeServers.has(s.name));
        const { saveInventory } = await import('../app/save-inventory.js');
        const { backup } = await saveInventory(flags.saveInventory, kept);
        report.notes.push(`inventory written to ${flags.saveInventory}: ${kept.length} server(s)${backup ? `; previous file kept as ${backup}` : ''}`);
      }
      if (flags.verbose) await printServerLogs(outcome.logs, outcome.sensitive);
      const toFile = flags.output !== undefined;
      const color = !toFile && flags.format === 'table' && useColor(process.stdout);
      let text: string;
      if (flags.format === 'json') text = `${JSON.stringify({ snapshots, report }, null, 2)}\n`;
      else if (flags.format === 'table') text = [...snapshots.map((s) => renderSnapshot(s, color)), render(report, 'table', { color, verbose: flags.verbose })].join('\n');
      else text = render(report, flags.format, { color, verbose: flags.verbose });
      if (toFile) writeFileSync(flags.output as string, text);
      else process.stdout.write(text);
      process.exitCode = exitCodeFor(report, flags.failOn);
    });
}
