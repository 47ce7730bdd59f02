/**
 * @module mcp/consent
 * A local server is arbitrary code: it is started only with the user's consent. `--allow-server`
 * and `--yes` give it up front; on a terminal the user is shown exactly what would run and asked;
 * otherwise the server is not started and the scan says so.
 */
import { redactSecrets } from '../analysis/secrets.js';

/** Everything the user needs to decide, values of environment variables excluded. */
export interface LaunchDescription {
  server: string;
  client: string;
  configFile: string;
  line?: number;
  command: string;
  args: readonly string[];
  cwd: string;
  /** Names of the variables the server gets (declared ones and the inherited safe defaults). */
  envNames: readonly string[];
  /** One line: "on (…)" or "OFF (--no-sandbox)". */
  sandbox: string;
  /** How many times it will be started (once per client identity). */
  launches: number;
}

/** Asks the user; resolves true to start the server. Only given when stdin and stderr are a TTY. */
export type ConsentPrompt = (text: string, launch: LaunchDescription) => Promise<boolean>;

export interface ConsentSettings {
  /** --yes: consent to every local server. */
  yes: boolean;
  /** --allow-server: consent to these server names. */
  allowServers: readonly string[];
  prompt?: ConsentPrompt;
}

export type ConsentOutcome = { granted: true; via: 'allow-server' | 'yes' | 'prompt' } | { granted: false; reason: string };

function quoteArg(a: string): string {
  const shown = redactSecrets(a);
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(shown) ? shown : JSON.stringify(shown);
}

/** The text shown before asking: full command line, working directory, env names (values redacted). */
export function describeLaunch(d: LaunchDescription): string {
  const where = `${d.configFile}${d.line !== undefined ? `:${d.line}` : ''}`;
  const env = d.envNames.length === 0 ? '(none)' : d.envNames.map((n) => `${n}=<redacted>`).join(' ');
  return [
    `mcp-warden wants to start the MCP server "${d.server}" (${d.client}, ${where}):`,
    `  command: ${quoteArg(d.command)}`,
    `  args:    ${d.args.length === 0 ? '(none)' : d.args.map(quoteArg).join(' ')}`,
    `  cwd:     ${d.cwd}`,
    `  env:     ${env}`,
    `  sandbox: ${d.sandbox}`,
    ...(d.launches > 1 ? [`  starts:  ${d.launches} (one per --identify-as identity)`] : []),
  ].join('\n');
}

/** Decides whether `launch` may start. Never starts anything itself. */
export async function askConsent(launch: LaunchDescription, settings: ConsentSettings): Promise<ConsentOutcome> {
  if (settings.allowServers.includes(launch.server)) return { granted: true, via: 'allow-server' };
  if (settings.yes) return { granted: true, via: 'yes' };
  if (settings.prompt) {
    const ok = await settings.prompt(describeLaunch(launch), launch);
    return ok ? { granted: true, via: 'prompt' } : { granted: false, reason: 'not started: declined at the consent prompt' };
  }
  return {
    granted: false,
    reason: `not started: a local server runs only with consent; re-run with --allow-server ${JSON.stringify(launch.server)} or --yes (or on a terminal, to be asked)`,
  };
}
