/**
 * @fileoverview `${…}` references in MCP configs and who resolves them: the environment (`${VAR}`,
 * VS Code/Cursor `${env:VAR}`), a prompt (`${input:id}`), or the client itself (`${workspaceFolder}`,
 * `${userHome}`, Claude Code's `${CLAUDE_PLUGIN_ROOT}`, MCPB's `${__dirname}`).
 */

export type PlaceholderKind = 'env' | 'input' | 'client' | 'with-default';

export interface Placeholder {
  kind: PlaceholderKind;
  /** Variable or input id. */
  name: string;
  /** The reference as written, e.g. `${env:API_KEY}`. */
  text: string;
}

/** Variables clients substitute themselves (VS Code and Cursor predefined variables, plugin roots). */
const CLIENT_VARIABLES = new Set([
  'workspaceFolder', 'workspaceFolderBasename', 'workspaceRoot', 'userHome', 'pathSeparator', '/', 'cwd', 'file', 'fileBasename',
  'fileBasenameNoExtension', 'fileDirname', 'fileExtname', 'fileWorkspaceFolder', 'relativeFile', 'relativeFileDirname', 'lineNumber',
  'selectedText', 'execPath', 'defaultBuildTask', 'CLAUDE_PLUGIN_ROOT', 'CLAUDE_PROJECT_DIR', '__dirname', 'HOME_DIR',
]);

const REFERENCE = /\$\{([^}\n]{1,200})\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Finds `${…}` references in a config value.
 * @param text a command, argument, env or header value, or URL
 */
export function findPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const inner = m[1] ?? '';
    const ref = m[0];
    const colon = inner.indexOf(':');
    const prefix = colon > 0 ? inner.slice(0, colon) : '';
    const rest = colon > 0 ? inner.slice(colon + 1) : inner;
    if (prefix === 'env' && NAME.test(rest)) out.push({ kind: 'env', name: rest, text: ref });
    else if (prefix === 'input' && rest.length > 0) out.push({ kind: 'input', name: rest, text: ref });
    else if (prefix === 'config' || prefix === 'command' || inner.startsWith('user_config.')) out.push({ kind: 'client', name: inner, text: ref });
    else if (/^[A-Za-z_][A-Za-z0-9_]*:?-/.test(inner)) out.push({ kind: 'with-default', name: inner.replace(/:?-[\s\S]*$/, ''), text: ref });
    else if (NAME.test(inner) || inner === '/') out.push({ kind: CLIENT_VARIABLES.has(inner) ? 'client' : 'env', name: inner, text: ref });
  }
  return out;
}
