// The checks each character fact (src/analysis/char-facts.ts) stands for, written the old way: the
// oracle both the char-facts tests and the fast-path tests compare the one-pass facts with.
import { LEET_SAMPLE } from '../../src/analysis/char-facts.js';
import { hasSeparatedHexBytes, longestRun, mayBeLeetspeak } from '../../src/analysis/encodings.js';

/** The checks each fact stands for, written the old way. */
export function referenceFacts(text: string) {
  // belowTheFold's trigger condition, as markup.ts computes it (any text after the fold, any index).
  let blankLines = 0;
  let spaces = 0;
  let lineHasText = false;
  let folded = false;
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
      if ((blankLines >= 7 || spaces >= 200) && i > 0) folded = true;
      spaces = 0;
      blankLines = 0;
      lineHasText = true;
    }
  }
  return {
    ascii: !/[^\x00-\x7f]/.test(text),
    base64Run: longestRun(text, 32),
    hex16: /[0-9a-fA-F]{16}/.test(text),
    base32x16: /[A-Z2-7]{16}/.test(text),
    binary8: /[01]{8}/.test(text),
    separatedHex: hasSeparatedHexBytes(text, 6),
    leet: mayBeLeetspeak(text.slice(0, LEET_SAMPLE)),
    looseWhitespace: / {2}|\t| \n|\n /.test(text),
    morseGate: /[.\-·–—]{1,6} [.\-·–—]{1,6} [.\-·–—]{1,6}/.test(text),
    folded,
  };
}
