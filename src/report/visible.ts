/**
 * @module report/visible
 * The one place where untrusted text is made safe to show: reporters (table, markdown, SARIF
 * message text) and the progress line call `visible()` when they render. Findings themselves carry
 * the text as the server or config gave it (secrets redacted), so JSON consumers get exact data and
 * nothing is escaped twice.
 *
 * Shown as `\u{…}` escapes instead of acting on the reader's screen: C0 controls (ANSI/OSC escapes,
 * carriage returns that overwrite a line) except newline and tab, DEL and C1 controls, line and
 * paragraph separators, deprecated format characters and interlinear annotations, and every code point
 * the analysis treats as invisible (`isInvisible`: zero-width, bidi controls, Unicode tag characters,
 * variation selectors, fillers).
 */
import { isInvisible } from '../analysis/unicode.js';

/** Text with nothing to escape (printable ASCII, newline, tab) takes the fast path. */
const NEEDS_WORK = /[^\x20-\x7e\n\t]/;

function escapes(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x0a && cp !== 0x09) ||
    (cp >= 0x7f && cp < 0xa0) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    (cp >= 0x2065 && cp <= 0x206f) ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    isInvisible(cp)
  );
}

/**
 * @param text untrusted text (tool descriptions, config values, server names)
 * @param opts.newlines false to keep the result on one line (newline shown as `\n`, tab as `\t`)
 * @returns the text with control and invisible characters shown as escapes
 */
export function visible(text: string, opts: { newlines?: boolean } = {}): string {
  const oneLine = opts.newlines === false;
  if (!NEEDS_WORK.test(text)) return oneLine ? text.replace(/[\n\t]/g, (ch) => (ch === '\t' ? '\\t' : '\\n')) : text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    if (oneLine && (cp === 0x0a || cp === 0x09 || (cp === 0x0d && text.charCodeAt(i + 1) === 0x0a))) {
      if (cp === 0x0d) i++;
      out += cp === 0x09 ? '\\t' : '\\n';
    } else if (escapes(cp)) out += `\\u{${cp.toString(16).toUpperCase()}}`;
    else out += String.fromCodePoint(cp);
  }
  return out;
}
