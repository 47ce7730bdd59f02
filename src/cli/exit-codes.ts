/** Exit codes shared by every command (documented in README and --help). */
export const EXIT = {
  /** Nothing at or above the --fail-on threshold, and everything was checked. */
  ok: 0,
  /** Findings at or above the --fail-on threshold (or drift, for pin --check). */
  findings: 1,
  /** Usage error, invalid input or internal error. */
  error: 2,
  /** Incomplete: something could not be checked (unreadable config, unreachable server, skipped check). */
  incomplete: 3,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  ok: nothing at or above --fail-on, and everything was checked
  1  findings at or above --fail-on (see its default above), or drift for pin --check; wins over 3,
     and the report still says INCOMPLETE
  2  usage error, invalid input or internal error
  3  incomplete: a config, server or check could not be completed (never reported as clean)`;
