import type { Scope, ScanError, ServerEntry } from '../model/index.js';
import type { ConfigDocument, DocumentFormat } from './document.js';

/** The machine as discovery sees it; tests pass fixture homes and a chosen platform. */
export interface DiscoveryEnv {
  home: string;
  platform: NodeJS.Platform;
  /** Environment variables (APPDATA, XDG_CONFIG_HOME, …) used to locate configs. */
  env: Readonly<Record<string, string | undefined>>;
  /** Project directories whose project-scope configs are scanned (--project). */
  projects: readonly string[];
}

/** A file where a client may keep MCP server declarations. */
export interface ConfigCandidate {
  path: string;
  scope: Scope;
  format: DocumentFormat;
  /** Directory a project-scoped file belongs to, when there is one. */
  project?: string;
}

export interface AdapterResult {
  entries: ServerEntry[];
  errors: ScanError[];
}

/**
 * One MCP client's config layout. `candidates` lists paths (no I/O); `parse` turns one parsed file
 * into entries. `detect` scores how likely a file given with --config is in this client's shape.
 * Adapters do no I/O: reading, size limits and parse errors are handled once, in discover.ts.
 */
export interface ClientConfigAdapter {
  /** Stable id used in reports and --client, e.g. `claude-desktop`. */
  id: string;
  displayName: string;
  candidates(env: DiscoveryEnv): ConfigCandidate[];
  /** 0 = not this client's shape; higher = more specific match. Used only for --config. */
  detect(doc: ConfigDocument): number;
  parse(doc: ConfigDocument, candidate: ConfigCandidate): AdapterResult;
  /**
   * Extra files to read, found through a file that was already parsed (e.g. the plugin list in
   * Claude Code settings, Continue's drop-in directory). Optional.
   */
  expand?(doc: ConfigDocument, candidate: ConfigCandidate, env: DiscoveryEnv): ConfigCandidate[];
}
