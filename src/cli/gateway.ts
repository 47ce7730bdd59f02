import type { Command } from 'commander';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { runUntilStopped, stderrLog } from './gateway-run.js';

interface GatewayFlags {
  config: string;
  stdio?: boolean;
  http?: boolean;
  host?: string;
  port?: string;
}

export function registerGateway(program: Command): void {
  program
    .command('gateway')
    .description('Run the gateway: many upstream MCP servers (stdio, streamable HTTP, SSE) behind one endpoint served over stdio and/or streamable HTTP (127.0.0.1 by default), with policy, approval, pinning, DLP, result scanning and audit on every call.')
    .requiredOption('-c, --config <file>', 'gateway.yaml (see docs/gateway.md)')
    .option('--stdio', 'serve over stdio (default when the config has no listen.http)')
    .option('--http', 'serve over streamable HTTP (default when the config has listen.http)')
    .option('--host <address>', 'HTTP bind address (overrides listen.http.host)')
    .option('--port <port>', 'HTTP port, 0 for any free port (overrides listen.http.port)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (flags: GatewayFlags) => {
      // Loaded when the command runs: defining the commands loads no use-case, so no command (and
      // no long-running gateway) loads and keeps the code of the others.
      const { loadGatewayConfig } = await import('../gateway/config.js');
      const resolved = loadGatewayConfig(flags.config);
      const c = resolved.config;
      for (const u of resolved.upstreams) if (u.transport === 'stdio' && !u.sandbox.enabled) stderrLog(`${u.name}: sandbox.enabled is false: it runs WITHOUT OS isolation`);
      const wantHttp = flags.http ?? (c.listen.http !== undefined || flags.port !== undefined || flags.host !== undefined);
      const wantStdio = flags.stdio ?? c.listen.stdio ?? !wantHttp;
      if (!wantHttp && !wantStdio) throw new WardenError(WardenErrorCode.Usage, 'nothing to serve: enable --stdio or --http');
      const httpConf = c.listen.http ?? { host: '127.0.0.1', port: 8765, path: '/mcp', allowedOrigins: [], allowedHosts: [], tokens: [], maxBodySize: 4_194_304 };
      const port = flags.port !== undefined ? Number(flags.port) : httpConf.port;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new WardenError(WardenErrorCode.Usage, `invalid --port ${flags.port ?? ''}`);
      // The SDK, the HTTP front and the sandbox: only once the config is known to be good.
      const [{ startGatewayRuntime }, { sandboxWrapper }, { sharedResultScanner }] = await Promise.all([
        import('../app/gateway-runtime.js'),
        import('../gateway/upstream/sandbox.js'),
        import('../gateway/shared-result-scanner.js'),
      ]);
      const runtime = await startGatewayRuntime({
        upstreams: resolved.upstreams,
        namespaced: true,
        separator: c.namespace.separator,
        ...(resolved.policyFile ? { policyFile: resolved.policyFile } : {}),
        ...(resolved.lockfile ? { lockfile: resolved.lockfile } : {}),
        ...(c.pinning ? { pinning: c.pinning } : {}),
        ...(resolved.auditDb ? { auditDb: resolved.auditDb } : {}),
        ...(resolved.auditJsonl ? { auditJsonl: resolved.auditJsonl } : {}),
        ...(wantStdio ? { stdio: { input: process.stdin, output: process.stdout } } : {}),
        ...(wantHttp
          ? {
              http: {
                host: flags.host ?? httpConf.host,
                port,
                path: httpConf.path,
                tokens: resolved.tokens,
                allowedOrigins: httpConf.allowedOrigins,
                allowedHosts: httpConf.allowedHosts,
                maxBodyBytes: httpConf.maxBodySize,
              },
            }
          : {}),
        connectTimeoutMs: c.limits.connectTimeout,
        maxMessageBytes: c.limits.maxResultSize,
        maxInFlight: c.limits.maxInFlight,
        scanner: sharedResultScanner(stderrLog),
        sandbox: sandboxWrapper(),
        log: stderrLog,
      });
      if (runtime.http) stderrLog(`listening on ${runtime.http.url}`);
      process.exitCode = await runUntilStopped(runtime);
    });
}
