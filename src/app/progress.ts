/** A step of a long-running use-case, for a progress display. Use-cases emit; only the CLI draws. */
export interface ProgressEvent {
  /** What is happening, e.g. `checking servers`; `done` ends the display. */
  phase: string;
  /** Items finished so far and in total, when the phase has countable items. */
  done?: number;
  total?: number;
  /** The item being worked on (server name, file), when useful to show. */
  item?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;
