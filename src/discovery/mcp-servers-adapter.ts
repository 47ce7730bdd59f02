/**
 * @module discovery/mcp-servers-adapter
 * A factory for the many clients whose files are an `mcpServers` map (Cursor, Windsurf, Kiro,
 * Amazon Q, Cline, …): each adapter file then only states its paths, its path signature for
 * --config, and its shape quirks.
 */
import { join } from 'node:path';
import type { Candidate, ClientConfigAdapter, ConfigCandidate, DiscoveryEnv } from './types.js';
import { readMcpServersMap, type ServerShape } from './mcp-servers-map.js';
import { detectBy, has, SCORE } from './detect.js';
import type { DocumentFormat } from './document.js';

export interface McpServersClientSpec {
  id: string;
  displayName: string;
  docs: string;
  /** Per-user and machine-wide files and folders. */
  user(env: DiscoveryEnv): Candidate[];
  /** Files and folders inside one project directory. */
  project?(dir: string, env: DiscoveryEnv): Candidate[];
  /** Path endings this client reads (for --config). */
  paths: readonly RegExp[];
  shape?: ServerShape;
  /** True when the document holds something only this client writes (raises the --config score). */
  distinctive?(root: Record<string, unknown>): boolean;
}

/** A project-scoped file candidate `<dir>/<parts>`. */
export function projectFile(dir: string, format: DocumentFormat, ...parts: string[]): ConfigCandidate {
  return { path: join(dir, ...parts), scope: 'project', format, project: dir };
}

export function defineMcpServersAdapter(spec: McpServersClientSpec): ClientConfigAdapter {
  return {
    id: spec.id,
    displayName: spec.displayName,
    docs: spec.docs,
    candidates(env) {
      const out = spec.user(env);
      if (spec.project) for (const dir of env.projects) out.push(...spec.project(dir, env));
      return out;
    },
    detect(doc) {
      return detectBy(doc, {
        shape: (v) => (!has(v, 'mcpServers') ? 0 : spec.distinctive?.(v) ? SCORE.distinctive : SCORE.shared),
        paths: spec.paths,
      });
    },
    parse(doc, candidate) {
      return readMcpServersMap(doc, {
        client: spec.id,
        scope: candidate.scope,
        ...(candidate.project !== undefined ? { project: candidate.project } : {}),
        at: ['mcpServers'],
        ...(spec.shape ? { shape: spec.shape } : {}),
      });
    },
  };
}
