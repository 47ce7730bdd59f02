import type { ServerEntry } from '../../model/index.js';
import type { Rule } from '../types.js';

/** Facts about the environment a config rule may need; gathered once by the scan, never by rules. */
export interface ConfigRuleContext {
  /** Unix permission bits of the entry's config file, when it could be read (`stat().mode & 0o777`). */
  fileMode?: number;
  /** Home directory used for discovery (for "whole home granted" checks). */
  home: string;
  platform: NodeJS.Platform;
  /**
   * Names of the environment variables set where the scan runs (values are never passed), to tell
   * which `${VAR}` placeholders a launch could resolve. Absent when unknown.
   */
  envNames?: ReadonlySet<string>;
}

export type ConfigRule<MessageIds extends string = string> = Rule<ServerEntry, ConfigRuleContext, MessageIds>;
