/**
 * @fileoverview The lockfile's default name, in a module of its own so that the CLI's flag
 * definitions can show it without loading the lockfile code.
 */

export const LOCKFILE_NAME = 'mcp-warden.lock';
