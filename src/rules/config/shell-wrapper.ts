/**
 * @fileoverview A server launched through a command interpreter (`bash -c`, `sh -c`, `cmd /c`,
 * `powershell -Command`/`-EncodedCommand`) or a proxy utility (`wsl`, `forfiles`, `pcalua`,
 * `conhost`), graded from a plain wrapper around one command up to download-and-execute.
 */
import { defineRule } from '../define.js';
import { Atlas, Attack, type TechniqueId } from '../attack.js';
import type { ServerEntry, Severity } from '../../model/index.js';
import { programName, type ShellScript } from '../../analysis/command-line.js';
import { parseLaunch, type Wrapper } from '../../analysis/launch.js';
import type { ConfigRuleContext } from './types.js';
import { locateToken } from './utils/fields.js';

type MessageId = 'downloadExecute' | 'encodedCommand' | 'compoundScript' | 'indirect' | 'wrapper';

/** Programs that fetch content from the network. */
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'iwr', 'invoke-webrequest', 'irm', 'invoke-restmethod', 'certutil', 'bitsadmin', 'start-bitstransfer', 'aria2c', 'http', 'https', 'lwp-download', 'ftp', 'tftp', 'scp']);
/** Programs that execute the text or file they are given. */
const INTERPRETERS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish', 'python', 'python2', 'python3', 'node', 'perl', 'ruby', 'php', 'iex', 'invoke-expression', 'powershell', 'pwsh', 'cmd', 'deno', 'bun', 'source', '.', 'eval', 'msiexec', 'rundll32', 'regsvr32', 'mshta', 'cscript', 'wscript']);
/** Prefix commands that run the next word as the program. */
const PREFIXES = new Set(['sudo', 'doas', 'env', 'exec', 'nohup', 'time', 'command', 'builtin']);
/** Substrings of .NET download calls used from PowerShell. */
const PS_DOWNLOAD_CALLS = ['downloadstring', 'downloadfile', 'downloaddata', 'net.webclient', 'openread('];

const SHELL_TECHNIQUE: Readonly<Record<Exclude<Wrapper['kind'], 'env'>, TechniqueId>> = {
  'posix-shell': Attack.CommandShellUnix,
  cmd: Attack.CommandShellWindows,
  powershell: Attack.CommandShellPowerShell,
  indirect: Attack.IndirectCommandExecution,
};

/** The program a simple command really runs, past `sudo`, `env VAR=x`, `exec`. */
function commandProgram(words: readonly string[]): { program: string; index: number } {
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    const p = programName(w);
    if (PREFIXES.has(p) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || (i > 0 && w.startsWith('-') && PREFIXES.has(programName(words[i - 1] ?? '')))) i++;
    else return { program: p, index: i };
  }
  return { program: '', index: i };
}

/**
 * How a script fetches and runs code, if it does.
 * @param script the parsed script
 * @param raw its text, for PowerShell's .NET download calls
 * @returns a short description such as `curl … | sh`, or undefined
 */
export function downloadAndExecute(script: ShellScript, raw: string): string | undefined {
  const progs = script.segments.map((s) => commandProgram(s.words).program);
  // 1. curl … | sh
  for (let i = 0; i + 1 < script.segments.length; i++) {
    if (script.segments[i]?.op === '|' && DOWNLOADERS.has(progs[i] ?? '') && INTERPRETERS.has(progs[i + 1] ?? '')) return `${progs[i]} … | ${progs[i + 1]}`;
  }
  // 2. sh -c "$(curl …)", bash <(wget …), eval "$(curl …)"
  const fetched = script.substitutions.find((sub) => DOWNLOADERS.has(commandProgram(sub.trim().split(/\s+/)).program));
  if (fetched !== undefined && progs.some((p) => INTERPRETERS.has(p))) return `${progs.find((p) => INTERPRETERS.has(p))} $(${commandProgram(fetched.trim().split(/\s+/)).program} …)`;
  // 3. iex (iwr …), iex (New-Object Net.WebClient).DownloadString(…), irm … | iex
  const lower = raw.toLowerCase();
  const words = new Set(lower.split(/[^a-z0-9.-]+/).filter((w) => w.length > 0));
  if ((words.has('iex') || words.has('invoke-expression')) && ([...DOWNLOADERS].some((d) => words.has(d)) || PS_DOWNLOAD_CALLS.some((c) => lower.includes(c)))) return 'download | Invoke-Expression';
  // 4. curl -o f … && sh f, wget … ; chmod +x f ; ./f
  const firstDownload = progs.findIndex((p) => DOWNLOADERS.has(p));
  if (firstDownload >= 0) {
    for (let i = firstDownload + 1; i < script.segments.length; i++) {
      const words = script.segments[i]?.words ?? [];
      const { program, index } = commandProgram(words);
      const runsFile = (INTERPRETERS.has(program) && words.length > index + 1) || (words[index] ?? '').startsWith('./') || (program === 'chmod' && words.some((w) => /^\+?[ugoa]*\+x$|^[0-7]*[1357]{1,3}$/.test(w)));
      if (runsFile) return `${progs[firstDownload]} … then ${program === 'chmod' ? 'chmod +x' : words[index]}`;
    }
  }
  return undefined;
}

/** What makes a script more than one command, for the message. */
function scriptFeatures(s: ShellScript): string[] {
  const ops = new Set(s.segments.map((g) => g.op).filter((o) => o !== ''));
  const out: string[] = [];
  if (ops.has('&&') || ops.has('||') || ops.has(';') || ops.has('\n') || ops.has('&')) out.push('chained commands');
  if (ops.has('|')) out.push('a pipe');
  if (s.substitutions.length > 0) out.push('command substitution');
  if (s.redirects > 0) out.push('redirection');
  return out;
}

interface Verdict {
  wrapper: Wrapper;
  messageId: MessageId;
  severity: Severity;
  attack: TechniqueId[];
  data: Record<string, string>;
  decoded?: string;
}

const RANK: Readonly<Record<MessageId, number>> = { downloadExecute: 4, encodedCommand: 3, compoundScript: 2, indirect: 2, wrapper: 1 };

function judge(w: Wrapper): Verdict | undefined {
  if (w.kind === 'env') return undefined;
  const base = [SHELL_TECHNIQUE[w.kind], Atlas.CommandAndScriptingInterpreter];
  const how = w.flag ? `${w.program} ${w.flag}` : w.program;
  const script = w.script ?? '';
  const dl = w.parsed ? downloadAndExecute(w.parsed, script) : undefined;
  if (dl) return { wrapper: w, messageId: 'downloadExecute', severity: 'critical', attack: [...base, Attack.IngressToolTransfer, ...(w.encoded ? [Attack.CommandObfuscation] : [])], data: { how, detail: dl }, ...(w.encoded ? { decoded: script } : {}) };
  if (w.encoded) return { wrapper: w, messageId: 'encodedCommand', severity: 'high', attack: [...base, Attack.CommandObfuscation], data: { how }, decoded: script };
  if (w.kind === 'indirect') return { wrapper: w, messageId: 'indirect', severity: 'medium', attack: base, data: { how } };
  const features = w.parsed ? scriptFeatures(w.parsed) : [];
  if (features.length > 0) return { wrapper: w, messageId: 'compoundScript', severity: 'medium', attack: base, data: { how, features: features.join(', ') } };
  const inner = script.trim().split(/\s+/)[0] ?? '';
  return { wrapper: w, messageId: 'wrapper', severity: 'low', attack: base, data: { how, inner: inner === '' ? '(nothing)' : programName(inner) } };
}

export default defineRule<ServerEntry, ConfigRuleContext, MessageId>({
  kind: 'config',
  meta: {
    id: 'config/shell-wrapper',
    title: 'Server launched through a shell or proxy utility',
    description:
      'A server started as `bash -c "…"`, `cmd /c …` or `powershell -Command …` runs an inline script, not a program: what executes depends on the shell, its variables and whatever the script fetches. Download-and-execute (`curl … | sh`, `iwr … | iex`) runs code nobody reviewed at every launch.',
    severity: 'medium',
    category: 'execution',
    attack: [
      Attack.CommandShellUnix,
      Attack.CommandShellWindows,
      Attack.CommandShellPowerShell,
      Attack.IndirectCommandExecution,
      Attack.IngressToolTransfer,
      Attack.CommandObfuscation,
      Atlas.CommandAndScriptingInterpreter,
    ],
    remediation:
      'Launch the server program directly (`"command": "npx", "args": ["-y", "pkg@1.2.3"]`) and set its environment in `env`. Never fetch and run scripts at launch: install a reviewed, pinned version once.',
    messages: {
      downloadExecute: 'Server "{{server}}" is launched through `{{how}}` with a script that downloads code and runs it ({{detail}}): each launch runs whatever that URL serves.',
      encodedCommand: 'Server "{{server}}" is launched through `{{how}}`: the command is base64-encoded, so the config does not show what runs (decoded text attached).',
      compoundScript: 'Server "{{server}}" is launched through `{{how}}` with an inline script ({{features}}): the config describes a script, not a program.',
      indirect: 'Server "{{server}}" is launched through `{{how}}`, a utility that runs another command on its behalf (Indirect Command Execution).',
      wrapper: 'Server "{{server}}" is launched through `{{how}}` around a single command ({{inner}}); common on Windows, but the shell adds expansion and quoting the config does not show.',
    },
  },
  check(entry) {
    if (entry.transport !== 'stdio') return [];
    const wrappers = parseLaunch(entry).wrappers.filter((w) => w.kind !== 'env');
    let worst: Verdict | undefined;
    for (const w of wrappers) {
      const v = judge(w);
      // On a tie the inner wrapper wins: it is the one that runs the script.
      if (v && (!worst || RANK[v.messageId] >= RANK[worst.messageId])) worst = v;
    }
    if (!worst) return [];
    // Every interpreter in the chain is used (`cmd /c powershell -c …` is T1059.003 and T1059.001).
    const chain = wrappers.map((w) => SHELL_TECHNIQUE[w.kind as Exclude<Wrapper['kind'], 'env'>]);
    const attack = [...new Set([...chain, ...worst.attack])];
    const w = worst.wrapper;
    const loc = locateToken(entry, w.scriptAt ?? w.at);
    return [
      {
        messageId: worst.messageId,
        data: { server: entry.name, ...worst.data },
        severity: worst.severity,
        attack,
        field: loc.pointer,
        ...(loc.line !== undefined ? { line: loc.line } : {}),
        evidence: [w.program, w.flag, w.encoded ? w.scriptAt?.text : w.script].filter((p) => p !== undefined && p !== '').join(' '),
        ...(worst.decoded !== undefined ? { decoded: worst.decoded } : {}),
      },
    ];
  },
});
