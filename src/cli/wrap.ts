import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { collect } from './options.js';
import { runUntilStopped, stderrLog } from './gateway-run.js';

interface WrapFlags {
  name?: string;
  policy?: string;
  lockfile?: string;
  pinning?: 'enforce' | 'warn' | 'off';
  auditDb?: string;
  auditJsonl?: string;
  audit: boolean;
  sandbox: boolean;
  sandboxAllowHost: string[];
  sandboxAllowWrite: string[];
  sandboxDenyRead: string[];
  sandboxNetwork: boolean;
  namespace: boolean;
  timeout: string;
  maxResultSize: string;
}

export function registerWrap(program: Command): void {
  program
    .command('wrap')
    .description('Run one stdio MCP server behind the gateway (policy, approval, pinning, DLP, result scanning, audit). Use it in place of the server\'s command in any client config: mcp-warden wrap [options] -- <command> [args...]')
    .argument('<command>', 'the server command')
    .argument('[args...]', 'its arguments (put -- before the command so they are not read as options)')
    .option('--name <name>', 'server name used by the policy and the lockfile (default: derived from the command or package)')
    .option('--policy <file>', 'policy file (YAML); reloaded when it changes')
    .option('--lockfile <file>', 'enforce this mcp-warden.lock: changed or unpinned tools are hidden and refused')
    .option('--pinning <mode>', 'enforce, warn or off (default: enforce when the lockfile exists)')
    .option('--audit-db <file>', 'audit SQLite database (default: per-user state dir)')
    .option('--audit-jsonl <file>', 'audit JSONL file (default: next to the database)')
    .option('--no-audit', 'do not write an audit log')
    .option('--no-sandbox', 'run the server WITHOUT OS isolation (it can then read and write anything you can and reach any host)')
    .option('--sandbox-allow-host <host>', 'let the sandboxed server reach this host (default: package registries only); repeatable', collect, [])
    .option('--sandbox-allow-write <path>', 'let the sandboxed server write under this path too (default: its own temp dir and package caches); repeatable', collect, [])
    .option('--sandbox-deny-read <path>', 'hide this path from the sandboxed server too (besides the built-in secret and client-config paths); repeatable', collect, [])
    .option('--no-sandbox-network', 'give the sandboxed server no network at all, not even package registries (for a server that is already installed)')
    .option('--namespace', 'prefix tool and prompt names with "<name>__"', false)
    .option('--timeout <duration>', 'per-call timeout towards the server', '60s')
    .option('--max-result-size <size>', 'largest message accepted from the server', '10MB')
    .addHelpText('after', `\nExample (Claude Code / Cursor config):\n  "command": "npx", "args": ["-y", "mcp-warden", "wrap", "--name", "github", "--", "npx", "-y", "@modelcontextprotocol/server-github"]\n\n${EXIT_CODES_HELP}`)
    .action(async (command: string, args: string[], flags: WrapFlags) => {
      // Loaded when the command runs: defining the commands loads no use-case, so no command (and
      // no long-running wrap) loads and keeps the code of the others.
      const [{ parseDuration, parseSize }, { wrapUpstream }, { defaultAuditPaths }] = await Promise.all([
        import('../policy/units.js'),
        import('../app/wrap.js'),
        import('../gateway/config.js'),
      ]);
      const timeoutMs = parseDuration(flags.timeout);
      const maxMessageBytes = parseSize(flags.maxResultSize);
      if (timeoutMs === undefined) throw new WardenError(WardenErrorCode.Usage, `invalid --timeout ${flags.timeout}`);
      if (maxMessageBytes === undefined) throw new WardenError(WardenErrorCode.Usage, `invalid --max-result-size ${flags.maxResultSize}`);
      if (flags.pinning !== undefined && !['enforce', 'warn', 'off'].includes(flags.pinning)) throw new WardenError(WardenErrorCode.Usage, '--pinning must be enforce, warn or off');
      if (!flags.sandboxNetwork && flags.sandboxAllowHost.length > 0) throw new WardenError(WardenErrorCode.Usage, '--no-sandbox-network and --sandbox-allow-host contradict each other');
      const widened = flags.sandboxAllowHost.length > 0 || flags.sandboxAllowWrite.length > 0 || flags.sandboxDenyRead.length > 0 || !flags.sandboxNetwork;
      if (!flags.sandbox && widened) throw new WardenError(WardenErrorCode.Usage, '--no-sandbox cannot be combined with --sandbox-* options: they would not apply');
      const upstream = wrapUpstream({
        command,
        args,
        sandbox: flags.sandbox,
        ...(!flags.sandboxNetwork ? { allowHosts: [] } : flags.sandboxAllowHost.length > 0 ? { allowHosts: flags.sandboxAllowHost } : {}),
        allowWrite: flags.sandboxAllowWrite.map((p) => resolve(p)),
        denyRead: flags.sandboxDenyRead.map((p) => resolve(p)),
        timeoutMs,
        env: process.env,
        ...(flags.name !== undefined ? { name: flags.name } : {}),
      });
      if (!flags.sandbox) stderrLog(`--no-sandbox: ${upstream.name} runs WITHOUT OS isolation`);
      const defaults = defaultAuditPaths();
      // The SDK, the HTTP front and the sandbox: only once the flags are known to be good.
      const [{ startGatewayRuntime }, { sandboxWrapper }, { sharedResultScanner }] = await Promise.all([
        import('../app/gateway-runtime.js'),
        import('../gateway/upstream/sandbox.js'),
        import('../gateway/shared-result-scanner.js'),
      ]);
      const runtime = await startGatewayRuntime({
        upstreams: [upstream],
        namespaced: flags.namespace,
        separator: '__',
        ...(flags.policy !== undefined ? { policyFile: flags.policy } : {}),
        ...(flags.lockfile !== undefined ? { lockfile: flags.lockfile } : {}),
        ...(flags.pinning !== undefined ? { pinning: flags.pinning } : {}),
        ...(flags.audit ? { auditDb: flags.auditDb ?? defaults.db, auditJsonl: flags.auditJsonl ?? defaults.jsonl } : {}),
        stdio: { input: process.stdin, output: process.stdout },
        connectTimeoutMs: 30_000,
        maxMessageBytes,
        maxInFlight: 1024,
        scanner: sharedResultScanner(stderrLog),
        sandbox: sandboxWrapper(),
        log: stderrLog,
      });
      process.exitCode = await runUntilStopped(runtime);
    });
}
