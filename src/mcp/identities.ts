/**
 * @module mcp/identities
 * The `clientInfo` real MCP clients send in `initialize`, so a scan can present itself as one of
 * them (`--identify-as`) and see what that client would see. Names as observed in the clients'
 * handshakes (collected by the apify/mcp-client-capabilities registry); versions are plausible
 * current ones.
 */
import { VERSION } from '../version.js';

export interface ClientIdentity {
  /** What the user typed (`claude-code`), or `mcp-warden` for our own identity. */
  alias: string;
  name: string;
  version: string;
}

/** Alias -> clientInfo, sorted by alias. */
export const KNOWN_CLIENTS = {
  'claude-code': { name: 'claude-code', version: '2.1.0' },
  'claude-desktop': { name: 'claude-ai', version: '0.1.0' },
  cline: { name: 'Cline', version: '3.30.0' },
  codex: { name: 'codex-mcp-client', version: '0.50.0' },
  continue: { name: 'continue-cli-client', version: '1.5.0' },
  'copilot-cli': { name: 'github-copilot-developer', version: '1.0.25' },
  cursor: { name: 'cursor-vscode', version: '1.0.0' },
  'gemini-cli': { name: 'gemini-cli-mcp-client', version: '0.10.0' },
  goose: { name: 'goose', version: '1.10.0' },
  opencode: { name: 'opencode', version: '1.0.0' },
  vscode: { name: 'Visual Studio Code', version: '1.105.0' },
  windsurf: { name: 'windsurf-client', version: '1.12.0' },
  zed: { name: 'Zed', version: '0.210.0' },
} as const satisfies Record<string, { name: string; version: string }>;

/** Our own, honest identity: the default when --identify-as is not given. */
export function wardenIdentity(): ClientIdentity {
  return { alias: 'mcp-warden', name: 'mcp-warden', version: VERSION };
}

/**
 * Resolves `--identify-as` values (aliases or raw clientInfo names, comma-separated or repeated).
 * Unknown names are sent as given, with version 1.0.0. Duplicates are dropped.
 */
export function resolveIdentities(values: readonly string[]): ClientIdentity[] {
  const out: ClientIdentity[] = [];
  const seen = new Set<string>();
  for (const raw of values.flatMap((v) => v.split(','))) {
    const alias = raw.trim();
    if (alias === '' || seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    if (alias.toLowerCase() === 'mcp-warden') {
      out.push(wardenIdentity());
      continue;
    }
    const known = (KNOWN_CLIENTS as Record<string, { name: string; version: string }>)[alias.toLowerCase()];
    out.push(known ? { alias: alias.toLowerCase(), ...known } : { alias, name: alias, version: '1.0.0' });
  }
  return out;
}
