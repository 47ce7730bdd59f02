import { z } from 'zod';

export const TRANSPORTS = ['stdio', 'http', 'sse'] as const;
export const TransportSchema = z.enum(TRANSPORTS);
export type Transport = z.infer<typeof TransportSchema>;

/**
 * Where a declaration lives. `user` = per-user config, `project` = checked into a repository,
 * `managed` = deployed by an administrator, `plugin` = shipped by an extension or plugin,
 * `file` = given explicitly with --config, `inventory` = read from an inventory file.
 */
export const SCOPES = ['user', 'project', 'managed', 'plugin', 'file', 'inventory'] as const;
export const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

/**
 * One MCP server as declared in one client config: how it is launched or reached, and where the
 * declaration lives. The same server declared in two clients is two entries.
 */
export const ServerEntrySchema = z.object({
  /** Name as written in the config (the key of the server object). */
  name: z.string(),
  /** Client id, e.g. `claude-desktop`, `cursor`, `vscode` (see discovery/index.ts). */
  client: z.string(),
  scope: ScopeSchema,
  /** Absolute path of the config file that declares the server. */
  configFile: z.string(),
  /** 1-based line of the declaration in `configFile`, when known. */
  line: z.number().int().positive().optional(),
  /**
   * Project directory a project-scoped declaration belongs to (the folder holding `.mcp.json`, or
   * the key under Claude Code's `projects`), when there is one.
   */
  project: z.string().optional(),
  /** JSON pointer (or equivalent path) to the declaration inside the config, e.g. `/mcpServers/github`. */
  pointer: z.string().optional(),
  transport: TransportSchema,
  command: z.string().optional(),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  url: z.string().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  cwd: z.string().optional(),
  disabled: z.boolean().default(false),
  /**
   * Config fields that set up authentication outside `headers`, by the client's own name:
   * Codex `bearer_token_env_var` / `env_http_headers`, Gemini CLI `oauth` / `authProviderType`,
   * Claude Code `headersHelper` / `oauth`. Names only, never values.
   */
  authFields: z.array(z.string()).optional(),
  /**
   * Ids of the `inputs` declared next to the server map in the same file (VS Code), which
   * `${input:id}` placeholders refer to. Absent for clients without inputs.
   */
  inputIds: z.array(z.string()).optional(),
  /**
   * 1-based lines of individual fields, keyed by a dotted path relative to the declaration:
   * `command`, `args.2`, `env.GITHUB_TOKEN`, `headers.Authorization`, `url`, `cwd`, `transport`
   * (where the type is written), `disabled` (where the enabled/disabled switch is written).
   */
  fieldLines: z.record(z.string(), z.number().int().positive()).default({}),
});
export type ServerEntry = z.infer<typeof ServerEntrySchema>;
/** Input form: defaults (args, env, headers, disabled, fieldLines) may be omitted. */
export type ServerEntryInput = z.input<typeof ServerEntrySchema>;

/** Build a ServerEntry, filling defaults and validating. Throws on programmer error only. */
export function serverEntry(input: ServerEntryInput): ServerEntry {
  return ServerEntrySchema.parse(input);
}
