/**
 * @module policy/regex-safety
 * User-written regexes (argument constraints, PII patterns) run on untrusted text inside the
 * gateway's hot path, so a pattern that can backtrack exponentially would let a hostile tool
 * argument or result stall every call. This check rejects the shapes that cause it, at load time,
 * with a message a policy author can act on:
 * - a quantified group that itself contains a quantifier or an alternation (`(a+)+`, `(a|ab)*`),
 * - backreferences (`\1`, `\k<name>`), which no linear engine supports,
 * - and, when `bounded` is asked (patterns that scan whole results), unbounded quantifiers
 *   (`*`, `+`, `{n,}`) or bounds above `maxBound`.
 */

export interface RegexSafetyOptions {
  /** Require every quantifier to have an explicit upper bound (for patterns run over large texts). */
  bounded?: boolean;
  /** Largest upper bound accepted when `bounded` (default 256). */
  maxBound?: number;
}

interface Group {
  /** The group contains a quantifier or an alternation. */
  risky: boolean;
}

/** Reads a quantifier at `i` (after an atom); returns its length and whether it repeats (max > 1). */
function readQuantifier(p: string, i: number): { len: number; repeats: boolean; unbounded: boolean; max: number } | undefined {
  const c = p[i];
  let len = 0;
  let repeats = false;
  let unbounded = false;
  let max = 1;
  if (c === '*' || c === '+') {
    len = 1;
    repeats = true;
    unbounded = true;
    max = Infinity;
  } else if (c === '?') {
    len = 1;
  } else if (c === '{') {
    const m = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(p.slice(i, i + 16));
    if (!m) return undefined;
    len = m[0].length;
    const lo = Number(m[1]);
    if (m[2] === undefined) max = lo;
    else if (m[3] === undefined || m[3] === '') {
      max = Infinity;
      unbounded = true;
    } else max = Number(m[3]);
    repeats = max > 1;
  } else return undefined;
  if (p[i + len] === '?') len++; // lazy modifier
  return { len, repeats, unbounded, max };
}

/** Returns a reason when `pattern` is unsafe to run on untrusted input, else undefined. */
export function unsafeRegexReason(pattern: string, options: RegexSafetyOptions = {}): string | undefined {
  const maxBound = options.maxBound ?? 256;
  const stack: Group[] = [{ risky: false }];
  let i = 0;
  let inClass = false;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n !== undefined && /[1-9]/.test(n) && !inClass) return 'backreferences are not allowed (they cannot run in linear time)';
      if (n === 'k' && pattern[i + 2] === '<' && !inClass) return 'named backreferences are not allowed (they cannot run in linear time)';
      if (inClass) {
        i += 2;
        continue;
      }
      const next = afterAtom(i + 2);
      if (typeof next === 'string') return next;
      i = next;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        const next = afterAtom(i + 1);
        if (typeof next === 'string') return next;
        i = next;
        continue;
      }
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++; // a leading `]` is literal
      continue;
    }
    if (c === '(') {
      stack.push({ risky: false });
      // Skip group syntax: (?: (?= (?! (?<= (?<! (?<name>
      if (pattern[i + 1] === '?') {
        const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]{0,63}>)/.exec(pattern.slice(i, i + 70));
        i += m ? m[0].length : 2;
      } else i++;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      if (!group || stack.length === 0) return 'unbalanced parenthesis';
      const q = readQuantifier(pattern, i + 1);
      if (q) {
        if (q.repeats && group.risky) return 'a repeated group contains a quantifier or an alternation (nested quantifiers can backtrack exponentially)';
        const bad = boundReason(q);
        if (bad) return bad;
        markRisky(true);
        i += 1 + q.len;
      } else i++;
      const parent = stack[stack.length - 1];
      if (parent && group.risky) parent.risky = true;
      continue;
    }
    if (c === '|') {
      markRisky(true);
      i++;
      continue;
    }
    const next = afterAtom(i + 1);
    if (typeof next === 'string') return next;
    i = next;
  }
  if (inClass) return 'unterminated character class';
  if (stack.length !== 1) return 'unbalanced parenthesis';
  return undefined;

  function markRisky(flag: boolean): void {
    const top = stack[stack.length - 1];
    if (top && flag) top.risky = true;
  }
  function boundReason(q: { unbounded: boolean; max: number }): string | undefined {
    if (!options.bounded) return undefined;
    if (q.unbounded) return 'unbounded quantifiers (*, +, {n,}) are not allowed here: use an explicit bound such as {1,64}';
    if (q.max > maxBound) return `quantifier bound ${q.max} is above the limit of ${maxBound}`;
    return undefined;
  }
  /** Consumes an optional quantifier after an atom ending before `at`; returns the next index or a reason. */
  function afterAtom(at: number): number | string {
    const q = readQuantifier(pattern, at);
    if (!q) return at;
    const bad = boundReason(q);
    if (bad) return bad;
    markRisky(true);
    return at + q.len;
  }
}
