/**
 * @fileoverview A small parser of the regex syntax the detection tables use, into the node tree
 * plan.ts reasons about. Anything it does not understand throws Unsupported (that regex gets no plan).
 */
// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

export type Node =
  | { t: 'lit'; s: string }
  /** One character of a class (or `.`): 1 code unit, or 1–2 with the u flag. `src` is its regex source. */
  | { t: 'any'; max: number; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'look'; behind: boolean; positive: boolean; node: Node }
  /** \b, \B, ^, $: zero-width, reads the characters on both sides. */
  | { t: 'edge'; kind: 'b' | 'B' | '^' | '$' };

export class Unsupported extends Error {}

const hexValue = (s: string): number => (/^[0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : NaN);

export class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unsupported(`unexpected ${this.src[this.i]}`);
    return node;
  }

  private peek(): string {
    return this.src[this.i] ?? '';
  }

  private alternation(): Node {
    const alts: Node[] = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      const last = items[items.length - 1];
      // Adjacent literal characters are one literal (a quantifier binds to its own atom only).
      if (q === undefined && atom.t === 'lit' && last !== undefined && last.t === 'lit') items[items.length - 1] = { t: 'lit', s: last.s + atom.s };
      else items.push(q === undefined ? atom : { t: 'rep', node: atom, min: q[0], max: q[1] });
    }
    return { t: 'seq', items };
  }

  private quantifier(): [number, number] | undefined {
    const c = this.peek();
    let q: [number, number] | undefined;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q !== undefined) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) return undefined; // a literal "{" (outside u mode), read as an atom
      q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
      this.i += m[0].length;
    } else return undefined;
    if (this.peek() === '?') this.i++; // lazy: same lengths
    return q;
  }

  private atom(): Node {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i++;
      return { t: 'any', max: this.unicode ? 2 : 1, src: '.' };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'edge', kind: c };
    }
    if (c === '\\') return this.escape();
    if (c === '*' || c === '+' || c === '?' || c === ')' || c === ']' || c === '}' || (c === '{' && this.unicode)) throw new Unsupported(`stray ${c}`);
    const cp = this.src.codePointAt(this.i) as number;
    const s = this.unicode ? String.fromCodePoint(cp) : c;
    this.i += s.length;
    return { t: 'lit', s };
  }

  private group(): Node {
    const rest = this.src.slice(this.i, this.i + 4);
    let look: { behind: boolean; positive: boolean } | undefined;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      look = { behind: false, positive: rest[2] === '=' };
      this.i += 3;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      look = { behind: true, positive: rest[3] === '=' };
      this.i += 4;
    } else if (rest.startsWith('(?<')) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Unsupported('bad group name');
      this.i = close + 1;
    } else if (rest.startsWith('(?')) throw new Unsupported('group modifier');
    else this.i += 1;
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.i++;
    return look === undefined ? inner : { t: 'look', behind: look.behind, positive: look.positive, node: inner };
  }

  /** `[...]`: up to 8 literal characters become an alternation of literals, anything else one character. */
  private charClass(): Node {
    const from = this.i;
    this.i++;
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const chars: string[] = [];
    let simple = !negated;
    while (this.i < this.src.length && this.peek() !== ']') {
      if (this.peek() === '\\') {
        const e = this.escape();
        if (e.t === 'lit') chars.push(e.s);
        else simple = false;
      } else {
        const cp = this.src.codePointAt(this.i) as number;
        const s = this.unicode ? String.fromCodePoint(cp) : (this.src[this.i] as string);
        this.i += s.length;
        if (s === '-' && chars.length > 0 && this.peek() !== ']') simple = false; // a range
        chars.push(s);
      }
    }
    if (this.peek() !== ']') throw new Unsupported('unclosed class');
    this.i++;
    if (simple && chars.length >= 1 && chars.length <= 8) return chars.length === 1 ? { t: 'lit', s: chars[0] as string } : { t: 'alt', alts: chars.map((s) => ({ t: 'lit', s })) };
    return { t: 'any', max: this.unicode ? 2 : 1, src: this.src.slice(from, this.i) };
  }

  private escape(): Node {
    const from = this.i;
    this.i++;
    const c = this.peek();
    this.i++;
    const max = this.unicode ? 2 : 1;
    if ('dDwWsS'.includes(c)) return { t: 'any', max, src: `\\${c}` };
    if (c === 'b' || c === 'B') return { t: 'edge', kind: c };
    if ((c === 'p' || c === 'P') && this.unicode) {
      const close = this.src.indexOf('}', this.i);
      if (this.peek() !== '{' || close < 0) throw new Unsupported('bad property escape');
      this.i = close + 1;
      return { t: 'any', max, src: this.src.slice(from, this.i) };
    }
    const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f' };
    if (named[c] !== undefined) return { t: 'lit', s: named[c] };
    if (c === '0' && !/[0-9]/.test(this.peek())) return { t: 'lit', s: '\0' };
    if (c === 'x') {
      const v = hexValue(this.src.slice(this.i, this.i + 2));
      if (Number.isNaN(v)) throw new Unsupported('bad \\x');
      this.i += 2;
      return { t: 'lit', s: String.fromCharCode(v) };
    }
    if (c === 'u') {
      let v: number;
      if (this.peek() === '{' && this.unicode) {
        const close = this.src.indexOf('}', this.i);
        v = hexValue(this.src.slice(this.i + 1, close));
        this.i = close + 1;
      } else {
        v = hexValue(this.src.slice(this.i, this.i + 4));
        this.i += 4;
      }
      if (Number.isNaN(v) || (v >= 0xd800 && v <= 0xdfff)) throw new Unsupported('bad or surrogate \\u');
      return { t: 'lit', s: String.fromCodePoint(v) };
    }
    if (/[0-9ck]/.test(c) || c === '') throw new Unsupported(`escape \\${c}`);
    return { t: 'lit', s: c };
  }
}
