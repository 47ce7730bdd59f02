/**
 * @module mcp/placeholders
 * Resolves the placeholders MCP clients allow in server declarations: `${VAR}`, `${env:VAR}`,
 * `${VAR:-default}` and VS Code's `${input:id}` (prompted for by the editor; here read from the
 * environment, as `id` or its upper-snake form `ID`). A placeholder that cannot be resolved is
 * reported, never passed on as literal text.
 */

/** `${...}` with a bounded body; no nesting, so matching is linear. */
const PLACEHOLDER = /\$\{([^${}]{1,200})\}/g;
const ANY_PLACEHOLDER = /\$\{[^${}]{1,200}\}/;

export type Env = Readonly<Record<string, string | undefined>>;

export interface Resolved {
  value: string;
  /** Placeholders (as written, e.g. `${input:github_token}`) that had no value. */
  missing: string[];
}

function upperSnake(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

function lookup(body: string, env: Env): string | undefined {
  const defaultSep = body.indexOf(':-');
  if (defaultSep > 0 && !body.startsWith('env:') && !body.startsWith('input:')) {
    const v = env[body.slice(0, defaultSep)];
    return v !== undefined && v !== '' ? v : body.slice(defaultSep + 2);
  }
  if (body.startsWith('env:')) return env[body.slice(4)];
  if (body.startsWith('input:')) {
    const id = body.slice(6);
    return env[id] ?? env[upperSnake(id)];
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(body)) return env[body];
  return undefined; // ${workspaceFolder}, ${command:...}: client-side only, unknown here
}

/** Resolves every placeholder in `text` from `env`. */
export function resolvePlaceholders(text: string, env: Env): Resolved {
  const missing: string[] = [];
  const value = text.replace(PLACEHOLDER, (whole, body: string) => {
    const v = lookup(body, env);
    if (v === undefined) {
      missing.push(whole);
      return whole;
    }
    return v;
  });
  return { value, missing };
}

/** True when `text` contains at least one placeholder. */
export function hasPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}
