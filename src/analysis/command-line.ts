/**
 * @fileoverview Reading a server's command line the way the OS would: program names across
 * platforms, shell-word splitting, and the simple commands and operators of an inline shell
 * script. Single pass, linear, no regex backtracking; input is bounded by the caller's config limit.
 */

/**
 * The program name of a command, lowercase, without directory or Windows extension:
 * `C:\Program Files\nodejs\npx.cmd` → `npx`, `/usr/bin/python3.12` → `python3.12`.
 * @param command the `command` field or first word of a command line
 */
export function programName(command: string): string {
  const base = command.trim().replace(/^["']|["']$/g, '').split(/[\\/]/).pop() ?? '';
  return base.toLowerCase().replace(/\.(?:exe|cmd|bat|com|ps1)$/, '');
}

/**
 * Splits a command line into words.
 * - `posix`: whitespace separates; single quotes are literal; double quotes and backslashes escape.
 * - `windows`: whitespace separates; double quotes group; backslashes are path separators.
 * @param line the command line
 * @param mode the quoting rules to apply
 * @returns the words, quotes removed
 */
export function splitWords(line: string, mode: 'posix' | 'windows' = 'posix'): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else cur += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && mode === 'posix' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) cur += line[++i];
      else cur += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === '"' || (ch === "'" && mode === 'posix')) quote = ch;
    else if (ch === '\\' && mode === 'posix' && i + 1 < line.length) cur += line[++i];
    else cur += ch;
  }
  if (inWord) words.push(cur);
  return words;
}

/** Control operators that end a simple command in sh and cmd. */
export type ShellOperator = '|' | '||' | '&&' | ';' | '&' | '\n' | '';

/** One simple command of a script, and the operator that follows it. */
export interface ShellSegment {
  words: string[];
  op: ShellOperator;
}

/** What an inline script contains beyond plain words. */
export interface ShellScript {
  segments: ShellSegment[];
  /** `$(…)`, backticks or `<(…)`: the output of one command becomes part of another. */
  substitutions: string[];
  /** `>`, `<`, `>>` redirections. */
  redirects: number;
}

/**
 * Splits an inline shell script (`sh -c`, `cmd /c`, `powershell -Command`) into simple commands.
 * Quotes are honoured; the text inside `$(…)`, backticks and `<(…)` is collected as substitutions
 * (one level, enough to see what is fetched and run).
 * @param script the script text
 * @param mode `posix` for sh-like shells, `windows` for cmd and PowerShell
 */
export function parseScript(script: string, mode: 'posix' | 'windows' = 'posix'): ShellScript {
  const segments: ShellSegment[] = [];
  const substitutions: string[] = [];
  let redirects = 0;
  let words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = () => {
    if (inWord) words.push(cur);
    cur = '';
    inWord = false;
  };
  const endSegment = (op: ShellOperator) => {
    endWord();
    if (words.length > 0 || op !== '') segments.push({ words, op });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    const next = script[i + 1];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else cur += ch;
      continue;
    }
    if ((ch === '$' && next === '(') || (ch === '<' && next === '(') || ch === '`') {
      // Collect the substitution up to its matching close; nesting deeper than one level is kept as text.
      const close = ch === '`' ? '`' : ')';
      let depth = 1;
      let j = i + (ch === '`' ? 1 : 2);
      const start = j;
      for (; j < script.length; j++) {
        const c = script[j];
        if (close === ')' && c === '(') depth++;
        else if (c === close && --depth === 0) break;
      }
      substitutions.push(script.slice(start, j));
      cur += script.slice(i, Math.min(j + 1, script.length));
      inWord = true;
      i = j;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && mode === 'posix' && next !== undefined && '"\\$`'.includes(next)) cur += script[++i];
      else cur += ch;
      continue;
    }
    if (ch === '"' || (ch === "'" && mode === 'posix')) {
      quote = ch;
      inWord = true;
      continue;
    }
    if (ch === '\\' && mode === 'posix' && next !== undefined) {
      if (next === '\n') i++; // line continuation
      else {
        cur += next;
        inWord = true;
        i++;
      }
      continue;
    }
    if (ch === '|') {
      if (next === '|') i++;
      endSegment(next === '|' ? '||' : '|');
      continue;
    }
    if (ch === '&') {
      if (next === '&') i++;
      endSegment(next === '&' ? '&&' : '&');
      continue;
    }
    if (ch === ';' || ch === '\n') {
      endSegment(ch);
      continue;
    }
    if (ch === '>' || ch === '<') {
      redirects++;
      endWord();
      if (next === ch) i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
      continue;
    }
    cur += ch;
    inWord = true;
  }
  endSegment('');
  return { segments, substitutions, redirects };
}

/** True when a script is one plain command: no operators, substitutions or redirections. */
export function isSimpleScript(s: ShellScript): boolean {
  return s.segments.length <= 1 && s.substitutions.length === 0 && s.redirects === 0;
}
