/**
 * @fileoverview Terminal escape sequences (ANSI/ECMA-48) in tool metadata. A client that prints a
 * description in a terminal executes them: text can be concealed (SGR 8, same foreground and
 * background colour), overwritten (cursor up, erase line, carriage return) or turned into a link
 * whose target is not shown (OSC 8). The model still reads all of it.
 *
 * One linear scan; no regex backtracking.
 */

export type AnsiEffect = 'conceal' | 'same-colour' | 'overwrite' | 'hyperlink' | 'title' | 'device-control' | 'style';

export interface AnsiSequence {
  start: number;
  end: number;
  /** The sequence as printable text, e.g. `ESC[8m`. */
  shown: string;
  effect: AnsiEffect;
}

export interface HiddenByAnsi {
  effect: AnsiEffect;
  start: number;
  end: number;
  /** The text a terminal would not show (or would show somewhere else / overwrite). */
  text: string;
}

export interface AnsiScan {
  sequences: AnsiSequence[];
  hidden: HiddenByAnsi[];
  /** The text with every escape sequence (and lone control character) removed. */
  stripped: string;
}

const ESC = 0x1b;
const MAX_STRING_SEQ = 4096;

function show(s: string): string {
  return s.replace(/\x1b/g, 'ESC').replace(/\x07/g, 'BEL').replace(/\x9b/g, 'CSI');
}

/** Parses SGR parameters and reports whether they conceal text or paint it in its background colour. */
function sgrEffect(params: string): 'conceal' | 'same-colour' | 'reveal' | 'style' {
  const p = params === '' ? ['0'] : params.split(/[;:]/);
  let fg: string | undefined;
  let bg: string | undefined;
  let effect: 'conceal' | 'same-colour' | 'reveal' | 'style' = 'style';
  for (let i = 0; i < p.length; i++) {
    const n = Number(p[i]);
    if (n === 8) effect = 'conceal';
    else if (n === 0 || n === 28) effect = effect === 'conceal' ? 'conceal' : 'reveal';
    else if (n >= 30 && n <= 37) fg = `c${n - 30}`;
    else if (n >= 90 && n <= 97) fg = `c${n - 90 + 8}`;
    else if (n >= 40 && n <= 47) bg = `c${n - 40}`;
    else if (n >= 100 && n <= 107) bg = `c${n - 100 + 8}`;
    else if ((n === 38 || n === 48) && p[i + 1] === '5') {
      const v = `c${Number(p[i + 2])}`;
      if (n === 38) fg = v;
      else bg = v;
      i += 2;
    } else if ((n === 38 || n === 48) && p[i + 1] === '2') {
      const v = `rgb${p[i + 2]},${p[i + 3]},${p[i + 4]}`;
      if (n === 38) fg = v;
      else bg = v;
      i += 4;
    }
  }
  if (fg !== undefined && fg === bg) return 'same-colour';
  return effect;
}

/**
 * Finds escape sequences (CSI, OSC, DCS/SOS/PM/APC, two-byte ESC forms, 8-bit CSI) and the text
 * they hide or overwrite.
 */
export function scanAnsi(text: string): AnsiScan {
  const sequences: AnsiSequence[] = [];
  const hidden: HiddenByAnsi[] = [];
  if (text.indexOf('\x1b') === -1 && text.indexOf('\x9b') === -1 && !/\r[^\n]/.test(text)) {
    return { sequences, hidden, stripped: text };
  }
  let stripped = '';
  let i = 0;
  // Open concealment: where the hidden text starts in `text`, and its effect.
  let concealFrom = -1;
  let concealEffect: AnsiEffect = 'conceal';
  let concealText = '';
  const closeConceal = (at: number): void => {
    if (concealFrom >= 0 && concealText.trim().length > 0) hidden.push({ effect: concealEffect, start: concealFrom, end: at, text: concealText });
    concealFrom = -1;
    concealText = '';
  };
  let overwriteFrom = -1;
  let overwriteText = '';
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === ESC || c === 0x9b) {
      const start = i;
      let effect: AnsiEffect = 'style';
      let end = i + 1;
      const next = c === 0x9b ? 0x5b : text.charCodeAt(i + 1);
      if (c === 0x9b || next === 0x5b) {
        // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
        let j = c === 0x9b ? i + 1 : i + 2;
        const pStart = j;
        while (j < text.length && j - pStart < 64 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j++;
        const params = text.slice(pStart, j);
        while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
        const final = text[j] ?? '';
        end = Math.min(text.length, j + 1);
        if (final === 'm') {
          const e = sgrEffect(params);
          if (e === 'conceal' || e === 'same-colour') {
            if (concealFrom < 0) {
              concealFrom = end;
              concealEffect = e;
            }
            effect = e;
          } else if (e === 'reveal' || (e === 'style' && /^(?:0|28)?$/.test(params))) {
            closeConceal(start);
          }
        } else if ('ABCDEFGHJKSTfdsu'.includes(final) || final === 'l' || final === 'h') {
          effect = 'overwrite';
        }
      } else if (next === 0x5d) {
        // OSC … BEL or ST. OSC 8 is a hyperlink, OSC 0/1/2 set the window title.
        let j = i + 2;
        while (j < text.length && j - i < MAX_STRING_SEQ && text.charCodeAt(j) !== 0x07 && !(text.charCodeAt(j) === ESC && text[j + 1] === '\\')) j++;
        const body = text.slice(i + 2, j);
        end = text.charCodeAt(j) === 0x07 ? j + 1 : Math.min(text.length, j + 2);
        if (body.startsWith('8;')) {
          effect = 'hyperlink';
          const target = body.slice(body.indexOf(';', 2) + 1);
          if (target.length > 0) hidden.push({ effect: 'hyperlink', start, end, text: target });
        } else {
          effect = 'title';
          const value = body.replace(/^\d*;/, '');
          if (value.trim().length > 0) hidden.push({ effect: 'title', start, end, text: value });
        }
      } else if (next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f) {
        // DCS, SOS, PM, APC: strings a terminal consumes without showing.
        let j = i + 2;
        while (j < text.length && j - i < MAX_STRING_SEQ && !(text.charCodeAt(j) === ESC && text[j + 1] === '\\')) j++;
        end = Math.min(text.length, j + 2);
        effect = 'device-control';
        const body = text.slice(i + 2, j);
        if (body.trim().length > 0) hidden.push({ effect: 'device-control', start, end, text: body });
      } else {
        // Two-byte forms (ESC 7, ESC M reverse index, ESC c reset, …).
        end = Math.min(text.length, i + 2);
        if (text[i + 1] === 'M' || text[i + 1] === 'c' || text[i + 1] === '8') effect = 'overwrite';
      }
      if (sequences.length < 4096) sequences.push({ start, end, shown: show(text.slice(start, end)), effect });
      if (effect === 'overwrite' && overwriteFrom < 0) overwriteFrom = end;
      i = end;
      continue;
    }
    if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) {
      // A bare carriage return: what follows is printed over the start of the line.
      if (sequences.length < 4096) sequences.push({ start: i, end: i + 1, shown: 'CR', effect: 'overwrite' });
      if (overwriteFrom < 0) overwriteFrom = i + 1;
      i++;
      continue;
    }
    if ((c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) || c === 0x7f) {
      i++;
      continue;
    }
    const ch = text[i] ?? '';
    stripped += ch;
    if (concealFrom >= 0) concealText += ch;
    if (overwriteFrom >= 0) overwriteText += ch;
    i++;
  }
  closeConceal(text.length);
  if (overwriteFrom >= 0 && overwriteText.trim().length > 0) hidden.push({ effect: 'overwrite', start: overwriteFrom, end: text.length, text: overwriteText });
  return { sequences, hidden, stripped };
}
