/**
 * @module pinning/diff-text
 * Readable unified diffs of what drifted (descriptions, schemas, instructions), bounded in size and
 * with secrets redacted. The text stays as the server sent it: reporters make invisible and control
 * characters visible when they render (report/visible.ts), so a change made only of zero-width or
 * tag characters still shows as a changed line, and no escape sequence reaches a terminal.
 */
import { structuredPatch } from 'diff';
import { redactSecrets } from '../analysis/secrets.js';

/** Inputs longer than this are cut before diffing; the point is review, not a full copy. */
export const MAX_DIFF_INPUT_CHARS = 64 * 1024;
/** Diff lines kept in a finding. */
export const MAX_DIFF_LINES = 120;
/** Above this many edits, jsdiff gives up and we show a summary instead (bounds the O(ND) work). */
const MAX_EDIT_LENGTH = 1000;
/** Wall-clock bound on one diff, whatever the input shape. */
const DIFF_TIMEOUT_MS = 250;

function prepare(text: string): string {
  const clipped = text.length > MAX_DIFF_INPUT_CHARS ? `${text.slice(0, MAX_DIFF_INPUT_CHARS)}\n… (${text.length - MAX_DIFF_INPUT_CHARS} more characters not shown)` : text;
  const shown = redactSecrets(clipped);
  return shown.endsWith('\n') || shown === '' ? shown : `${shown}\n`;
}

/**
 * Unified diff (3 lines of context) between two texts, labelled `a/<label>` and `b/<label>`.
 * Returns undefined when the shown texts are equal.
 */
export function unifiedDiff(label: string, before: string | undefined, after: string | undefined): string | undefined {
  // A name from a hostile server must not fake diff lines: the label stays on one line.
  const name = label.replace(/[\r\n]/g, ' ');
  const a = prepare(before ?? '');
  const b = prepare(after ?? '');
  if (a === b) return undefined;
  const patch = structuredPatch(before === undefined ? '/dev/null' : `a/${name}`, after === undefined ? '/dev/null' : `b/${name}`, a, b, undefined, undefined, {
    context: 3,
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: DIFF_TIMEOUT_MS,
  });
  const lines = [`--- ${patch?.oldFileName ?? `a/${name}`}`, `+++ ${patch?.newFileName ?? `b/${name}`}`];
  if (patch === undefined) {
    lines.push(`@@ too many edits to show: ${a.split('\n').length - 1} lines before, ${b.split('\n').length - 1} after @@`);
  } else {
    for (const h of patch.hunks) {
      lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
      for (const l of h.lines) if (!l.startsWith('\\')) lines.push(l);
    }
  }
  if (lines.length > MAX_DIFF_LINES) {
    const cut = lines.length - MAX_DIFF_LINES;
    lines.length = MAX_DIFF_LINES;
    lines.push(`… (${cut} more diff lines not shown)`);
  }
  return lines.join('\n');
}

/** JSON as diffable text: two-space indented (keys already in canonical order), or undefined. */
export function jsonText(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value, null, 2);
}

/** Joins several diffs (description + schema, …) into one block. */
export function joinDiffs(...diffs: Array<string | undefined>): string | undefined {
  const present = diffs.filter((d): d is string => d !== undefined);
  return present.length === 0 ? undefined : present.join('\n');
}
