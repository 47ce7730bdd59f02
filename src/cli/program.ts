import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { registerKeygen } from './keygen.js';
import { registerPin } from './pin.js';
import { registerInspect } from './inspect.js';
import { registerRules } from './rules.js';
import { registerScan } from './scan.js';
import { registerVet } from './vet.js';
import { registerClients } from './clients.js';
import { registerWrap } from './wrap.js';
import { registerGateway } from './gateway.js';
import { registerAudit } from './audit.js';

/**
 * Builds the CLI. One register function per subcommand, each in its own file. A register function
 * only declares its command (flags, help, light argument parsers); its action loads the use-case
 * with `await import(...)` when it runs, so `--help` loads no use-case and each command, above all
 * the long-running `wrap` and `gateway`, loads only its own. test/cli/lazy-load.test.ts holds this.
 */
export function buildProgram(): Command {
  const program = new Command('mcp-warden')
    .description('Security scanner, lockfile and gateway for Model Context Protocol (MCP) servers.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .exitOverride();
  registerScan(program);
  registerVet(program);
  registerRules(program);
  registerClients(program);
  registerPin(program);
  registerKeygen(program);
  registerWrap(program);
  registerGateway(program);
  registerAudit(program);
  registerInspect(program);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it in-process. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    const e = err as Error & { hint?: string };
    process.stderr.write(`mcp-warden: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
    if (process.env['MCP_WARDEN_DEBUG']) process.stderr.write(`${e.stack ?? ''}\n`);
    return EXIT.error;
  }
}
