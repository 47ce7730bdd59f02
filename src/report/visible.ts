/**
 * Makes untrusted text safe to print on a terminal or in Markdown: control characters (ANSI/OSC
 * escapes, carriage returns that overwrite a line), bidi overrides, zero-width and Unicode tag
 * characters are shown as `\u{…}` escapes instead of acting on the reader's screen. Tool
 * descriptions and config values come from servers we do not trust.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

export function visible(text: string, opts: { newlines?: boolean } = {}): string {
  const out = text.replace(INVISIBLE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
  return opts.newlines === false ? out.replace(/\r?\n|\t/g, (ch) => (ch === '\t' ? '\\t' : '\\n')) : out;
}
