/**
 * Shared by `wrap` and `gateway`: keeps a runtime up until SIGTERM/SIGINT (or, in stdio mode, the
 * client closing stdin), reloads the policy on SIGHUP, then shuts down cleanly with a final audit
 * flush. Diagnostics go to stderr only: stdout may be the MCP channel.
 */
import type { GatewayRuntime } from '../app/gateway-runtime.js';

export function stderrLog(message: string): void {
  process.stderr.write(`mcp-warden: ${message}\n`);
}

/** Waits for a stop signal, closes the runtime, and returns the exit code (0). */
export async function runUntilStopped(runtime: GatewayRuntime): Promise<number> {
  const reloadPolicy = (): void => runtime.reload();
  const stop = await new Promise<string>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => resolve(signal);
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    process.on('SIGHUP', reloadPolicy);
    void runtime.stdioClosed.then(() => resolve('stdin closed'));
  });
  stderrLog(`stopping (${stop})`);
  await runtime.close();
  process.off('SIGHUP', reloadPolicy);
  // Everything is closed; if a stray handle kept the process alive it would look hung to the client.
  setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
  return 0;
}
