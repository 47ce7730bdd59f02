/**
 * @module discovery/types
 * The contract every client adapter implements. Adapters are tables of paths plus pure parsers:
 * they never touch the file system. Reading, size limits, symlink loops, directory walks and parse
 * errors are handled once, in `discover.ts`.
 */
import type { Scope, ScanError, ServerEntry } from '../model/index.js';
import type { ConfigDocument, DocumentFormat } from './document.js';

/** Operating systems whose config layouts discovery knows. Anything else is treated as Linux. */
export type Platform = 'darwin' | 'linux' | 'win32';

/** The machine as discovery sees it; tests pass fixture homes and a chosen platform. */
export interface DiscoveryEnv {
  home: string;
  platform: NodeJS.Platform;
  /**
   * Environment variables that move config directories (APPDATA, XDG_CONFIG_HOME, CODEX_HOME, …).
   * When the home directory is overridden (--home) this is empty, so every location derives from
   * that home and a fixture home behaves the same on every machine.
   */
  env: Readonly<Record<string, string | undefined>>;
  /** Project directories whose project-scope configs are scanned (--project). */
  projects: readonly string[];
  /**
   * Directory standing in for the file-system root when locating machine-wide (managed) configs
   * such as `/etc/codex/config.toml` or `C:\ProgramData\…`; default: the real root.
   */
  systemRoot?: string;
}

/** What every candidate says about where it came from. */
interface CandidateBase {
  scope: Scope;
  /** Directory a project-scoped file belongs to, when there is one. */
  project?: string;
  /** Short description shown by `mcp-warden clients`, e.g. "VS Code Insiders, profile". */
  label?: string;
  /**
   * Server names the client marks disabled in some other file (Claude Code keeps the list of
   * rejected `.mcp.json` servers in `~/.claude.json`); entries with these names get `disabled`.
   */
  disabledServers?: readonly string[];
}

/** A file where a client may keep MCP server declarations. */
export interface ConfigCandidate extends CandidateBase {
  path: string;
  format: DocumentFormat;
}

/**
 * A directory whose files are candidates (drop-in folders, VS Code profiles, extension storage).
 * Each file whose path relative to `dir` (with `/` separators) matches `match` is read; the format
 * comes from the file extension.
 */
export interface DirectoryCandidate extends CandidateBase {
  dir: string;
  match: RegExp;
  /** The same pattern for people, e.g. `*\/mcp.json` (shown by `mcp-warden clients`). */
  glob: string;
  /** How many directory levels below `dir` to look (1 = files directly inside). */
  depth: number;
}

export type Candidate = ConfigCandidate | DirectoryCandidate;

export function isDirectoryCandidate(c: Candidate): c is DirectoryCandidate {
  return 'dir' in c;
}

export interface AdapterResult {
  entries: ServerEntry[];
  errors: ScanError[];
}

/**
 * One MCP client's config layout. `candidates` lists paths (no I/O); `parse` turns one parsed file
 * into entries. `detect` scores how likely a file given with --config is in this client's shape.
 */
export interface ClientConfigAdapter {
  /** Stable id used in reports and --client, e.g. `claude-desktop`. */
  id: string;
  displayName: string;
  /** Where the client's own documentation or source describes the layout (kept in docs/clients.md too). */
  docs: string;
  candidates(env: DiscoveryEnv): Candidate[];
  /**
   * 0 = not this client's shape; higher = more specific match. Used only for --config, where the
   * highest score wins (ties go to the adapter listed first). See `detect.ts` for the scale.
   */
  detect(doc: ConfigDocument): number;
  parse(doc: ConfigDocument, candidate: ConfigCandidate): AdapterResult;
  /**
   * Extra files to read, found through a file that was already parsed (Claude Code's project list
   * and installed plugins). Optional.
   */
  expand?(doc: ConfigDocument, candidate: ConfigCandidate, env: DiscoveryEnv): Candidate[];
}
