/**
 * @fileoverview Text that a rendered description hides from a person but that the model reads in
 * full: HTML comments, collapsed `<details>`, elements styled invisible, Markdown link titles and
 * reference definitions (`[//]: # (…)`), and text pushed "below the fold" by a wall of blank lines.
 *
 * Scans use indexOf and bounded, anchored patterns only, so they stay linear on hostile input.
 */
import { charFacts, type CharFacts } from './char-facts.js';

export type MarkupTechnique = 'html-comment' | 'details' | 'hidden-element' | 'link-title' | 'reference-definition' | 'below-the-fold';

export interface HiddenMarkup {
  technique: MarkupTechnique;
  start: number;
  end: number;
  text: string;
}

const MAX_BLOCK = 20_000;

/** Backticks counted back on a line at most this far: a span does not run longer (and one huge line stays linear). */
const SPAN_REACH = 2_000;

/**
 * Whether a position lies in a Markdown code span of its line or in a fenced code block.
 * @param fences start offsets of the text's fence lines (```), ascending
 */
function inCode(text: string, at: number, fences: readonly number[]): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1) + 1, at - SPAN_REACH);
  let ticks = 0;
  for (let i = text.indexOf('`', lineStart); i >= 0 && i < at; i = text.indexOf('`', i + 1)) ticks++;
  if (ticks % 2 === 1) return true;
  let before = 0;
  while (before < fences.length && (fences[before] as number) < at) before++;
  return before % 2 === 1;
}

/** Start offsets of fence lines (up to three spaces, then ```). */
function fenceLines(text: string): number[] {
  if (text.indexOf('```') < 0) return [];
  return [...text.matchAll(/^[ \t]{0,3}```/gm)].map((m) => m.index ?? 0);
}

function htmlComments(text: string, out: HiddenMarkup[]): void {
  let from = 0;
  let fences: number[] | undefined;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return;
    const close = text.indexOf('-->', open + 4);
    // An unclosed comment hides everything after it.
    const end = close < 0 ? text.length : close + 3;
    const body = text.slice(open + 4, close < 0 ? text.length : close).slice(0, MAX_BLOCK);
    // Inside a code span or a fenced block a renderer shows the comment as text: nothing is hidden.
    if (body.trim().length > 0 && !inCode(text, open, (fences ??= fenceLines(text)))) out.push({ technique: 'html-comment', start: open, end, text: body.trim() });
    if (close < 0) return;
    from = end;
  }
}

/** Styles that hide an element's text from people: not displayed, invisible, zero-sized, white, or moved off screen (left:-10000px, text-indent:-9999px, clip:rect(0 0 0 0)). */
const HIDDEN_STYLE = /display\s{0,4}:\s{0,4}none|visibility\s{0,4}:\s{0,4}hidden|font-size\s{0,4}:\s{0,4}0(?![.\d])|opacity\s{0,4}:\s{0,4}0(?![.\d])|(?:^|[\s;"'])(?:width|height)\s{0,4}:\s{0,4}0(?![.\d])|color\s{0,4}:\s{0,4}(?:white|#fff\b|#ffffff|transparent)|(?:^|[\s;"'])(?:left|top|right|text-indent|margin-left)\s{0,4}:\s{0,4}-\d{3,}(?:\.\d+)?(?:px|em|rem|pt)?|clip\s{0,4}:\s{0,4}rect\(\s{0,4}0/i;

/** `<details>` bodies and elements with a `hidden` attribute or an invisible inline style. */
function hiddenElements(text: string, out: HiddenMarkup[]): void {
  const lower = text.toLowerCase();
  let from = 0;
  for (;;) {
    const lt = lower.indexOf('<', from);
    if (lt < 0) return;
    const gt = lower.indexOf('>', lt + 1);
    if (gt < 0) return;
    if (gt - lt > 1000) {
      // No tag can start before gt - 1000 and end at gt: skip ahead instead of rescanning.
      from = gt - 1000;
      continue;
    }
    const tag = lower.slice(lt + 1, gt);
    const name = /^([a-z][a-z0-9-]{0,20})/.exec(tag)?.[1];
    if (name === undefined) {
      from = lt + 1;
      continue;
    }
    const isDetails = name === 'details';
    const isHidden = /(?:^|\s)hidden(?:\s|=|$|\/)/.test(tag.slice(name.length)) || /aria-hidden\s*=\s*["']?true/.test(tag) || HIDDEN_STYLE.test(tag);
    if (!isDetails && !isHidden) {
      from = gt + 1;
      continue;
    }
    const closeTag = `</${name}`;
    const close = lower.indexOf(closeTag, gt + 1);
    const end = close < 0 ? text.length : close;
    let body = text.slice(gt + 1, end).slice(0, MAX_BLOCK);
    if (isDetails) body = body.replace(/<summary>[\s\S]{0,500}?<\/summary>/i, '');
    body = body.replace(/<[^<>]{0,200}>/g, ' ').trim();
    if (body.length > 0) out.push({ technique: isDetails ? 'details' : 'hidden-element', start: lt, end, text: body });
    from = close < 0 ? text.length : close + closeTag.length;
  }
}

/** Markdown inline link titles: `[text](url "title")` shows the title only on hover. */
function linkTitles(text: string, out: HiddenMarkup[]): void {
  if (text.indexOf('](') < 0) return;
  const re = /\]\(\s{0,8}<?[^\s()<>]{1,2048}>?\s{1,8}(?:"([^"\n]{1,2000})"|'([^'\n]{1,2000})')\s{0,8}\)/g;
  for (const m of text.matchAll(re)) {
    const title = m[1] ?? m[2] ?? '';
    if (title.trim().length > 0) out.push({ technique: 'link-title', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: title.trim() });
  }
}

/** Markdown reference definitions never render; `[//]: # (…)` is the idiom for a comment. */
function referenceDefinitions(text: string, out: HiddenMarkup[]): void {
  if (text.indexOf(']:') < 0) return;
  const re = /^ {0,3}\[([^\]\n]{1,200})\]:[ \t]{0,8}<?([^\s>]{0,2048})>?(?:[ \t]{1,8}(?:"([^"\n]{0,2000})"|'([^'\n]{0,2000})'|\(([^)\n]{0,2000})\)))?[ \t]{0,8}$/gm;
  for (const m of text.matchAll(re)) {
    const title = (m[3] ?? m[4] ?? m[5] ?? '').trim();
    const label = m[1] ?? '';
    const target = m[2] ?? '';
    const body = [label.startsWith('/') || label === '_' || label === 'comment' ? '' : label, target === '#' ? '' : target, title].filter((s) => s.length > 0).join(' ');
    if (body.length > 0) out.push({ technique: 'reference-definition', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: body });
  }
}

/** Text after a run of 8+ blank lines (or 200+ spaces): most UIs show only the first lines. */
function belowTheFold(text: string, out: HiddenMarkup[]): void {
  let blankLines = 0;
  let spaces = 0;
  let lineHasText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      blankLines = lineHasText ? 0 : blankLines + 1;
      lineHasText = false;
      spaces = 0;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0d) {
      spaces++;
      if (spaces < 200) continue;
    } else {
      if ((blankLines >= 7 || spaces >= 200) && i > 0) {
        const rest = text.slice(i, i + MAX_BLOCK).trim();
        if (rest.length > 0) out.push({ technique: 'below-the-fold', start: i, end: text.length, text: rest });
        return;
      }
      spaces = 0;
      blankLines = 0;
      lineHasText = true;
    }
  }
}

/**
 * Every hidden-markup block in `text`.
 * @param facts charFacts(text), when the caller has them: text without a long blank stretch has no fold
 */
export function scanMarkup(text: string, facts: CharFacts = charFacts(text)): HiddenMarkup[] {
  const out: HiddenMarkup[] = [];
  if (text.indexOf('<') >= 0) {
    htmlComments(text, out);
    hiddenElements(text, out);
  }
  linkTitles(text, out);
  referenceDefinitions(text, out);
  if (facts.fold) belowTheFold(text, out);
  return out;
}
