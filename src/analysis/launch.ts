/**
 * @fileoverview What a stdio server's command line really runs. Peels wrappers (`cmd /c`, `bash -c`,
 * `powershell -Command`, `wsl`, `env`, `forfiles`, `conhost`), then recognises package runners
 * (`npx`, `npm exec`, `pnpm dlx`, `yarn dlx`, `bunx`, `uvx`, `uv tool run`, `pipx run`,
 * `docker|podman run`, `deno run`) and what they fetch. Every word keeps the index of the config
 * field it came from, so findings can point at `/args/3`.
 */
import { isSimpleScript, parseScript, programName, splitWords, type ShellScript } from './command-line.js';
import { parseDenoSpec, parseImageRef, parseNpmSpec, parsePypiSpec, type PackageRef } from './package-spec.js';

/** A word of the effective command line; `arg` is -1 for `command`, else the index in `args`. */
export interface Token {
  text: string;
  arg: number;
}

export type WrapperKind = 'posix-shell' | 'cmd' | 'powershell' | 'indirect' | 'env';

export interface Wrapper {
  kind: WrapperKind;
  /** Program name, e.g. `bash`, `cmd`, `powershell`, `wsl`, `forfiles`. */
  program: string;
  at: Token;
  /** The switch that introduces the inline script: `-c`, `/c`, `-Command`, `-EncodedCommand`. */
  flag?: string;
  /** Inline script text; for `-EncodedCommand` the decoded text. */
  script?: string;
  scriptAt?: Token;
  /** True for `-EncodedCommand`: the config does not show the command in readable form. */
  encoded?: boolean;
  parsed?: ShellScript;
}

export type RunnerId = 'npx' | 'npm-exec' | 'pnpm-dlx' | 'yarn-dlx' | 'bunx' | 'uvx' | 'pipx-run' | 'docker-run' | 'deno-run';

export interface RunnerOption {
  /** Option as written without its value, e.g. `--privileged`, `-v`, `--network`. */
  name: string;
  value?: string;
  at: Token;
  /** Token holding the value when it is a separate word. */
  valueAt?: Token;
}

export interface RunnerLaunch {
  runner: RunnerId;
  /** How the runner was invoked, e.g. `npx`, `uv tool run`, `podman run`. */
  invokedAs: string;
  /** Packages or images fetched, the main one first. */
  packages: Array<PackageRef & { at: Token }>;
  /** False only when the runner is told not to install (`npx --no-install`, `--offline`). */
  autoInstall: boolean;
  /** `-y` / `--yes` written explicitly. */
  explicitYes: boolean;
  options: RunnerOption[];
  /** What the server itself receives after the package or image. */
  serverArgs: Token[];
}

export interface Launch {
  /** Wrappers from the outermost in. */
  wrappers: Wrapper[];
  /** Simple commands that run: one for a plain launch, several for a script (`a && b`). */
  commands: Token[][];
  runners: RunnerLaunch[];
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'fish', 'busybox']);
const MAX_DEPTH = 6;

/** Splits `command` when it holds a whole command line (`"npx -y pkg"`) and no args are given. */
function initialTokens(command: string | undefined, args: readonly string[]): Token[] {
  const tokens: Token[] = [];
  if (command !== undefined && command.trim() !== '') {
    const words = args.length === 0 && /\s/.test(command.trim()) ? splitWords(command, command.includes('\\') ? 'windows' : 'posix') : [command];
    const first = words[0];
    // Keep a path with spaces whole unless its first word is a program we understand.
    const split = words.length > 1 && first !== undefined && isKnownProgram(programName(first));
    for (const w of split ? words : [command]) tokens.push({ text: w, arg: -1 });
  }
  args.forEach((a, i) => tokens.push({ text: a, arg: i }));
  return tokens;
}

const KNOWN_PROGRAMS = new Set([...POSIX_SHELLS, 'cmd', 'powershell', 'pwsh', 'wsl', 'env', 'forfiles', 'pcalua', 'conhost', 'npx', 'npm', 'pnpm', 'pnpx', 'yarn', 'bunx', 'bun', 'uvx', 'uv', 'pipx', 'docker', 'podman', 'nerdctl', 'deno', 'node', 'python', 'python3']);
function isKnownProgram(p: string): boolean {
  return KNOWN_PROGRAMS.has(p);
}

function wordsAt(text: string, at: Token, mode: 'posix' | 'windows'): Token[] {
  return splitWords(text, mode).map((w) => ({ text: w, arg: at.arg }));
}

/** Decodes PowerShell's -EncodedCommand (base64 of UTF-16LE); undefined when it is not valid. */
export function decodePowerShellCommand(b64: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]{4,65536}$/.test(b64)) return undefined;
  const text = Buffer.from(b64.replace(/\s/g, ''), 'base64').toString('utf16le');
  return text.length > 0 && !text.includes('\ufffd') ? text : undefined;
}

/** PowerShell parameter names are case-insensitive and may be abbreviated to any unique prefix. */
function psParam(word: string, full: string, min: number, aliases: readonly string[] = []): boolean {
  const w = word.toLowerCase().replace(/^[-/]/, '');
  if (aliases.includes(w)) return true;
  return w.length >= min && full.startsWith(w);
}

const PS_VALUE_PARAMS: ReadonlyArray<[string, number, string[]]> = [
  ['executionpolicy', 2, ['ep']],
  ['windowstyle', 1, []],
  ['version', 1, []],
  ['psconsolefile', 2, []],
  ['configurationname', 4, []],
  ['inputformat', 2, []],
  ['outputformat', 1, []],
  ['workingdirectory', 2, ['wd']],
  ['settingsfile', 2, []],
  ['custompipename', 2, []],
];

interface Unwrapped {
  wrapper: Wrapper;
  /** The inner command, when the wrapper runs exactly one simple command. */
  inner?: Token[];
  /** Commands of a non-simple script. */
  commands?: Token[][];
}

function scriptCommands(script: ShellScript, at: Token): Token[][] {
  return script.segments.filter((s) => s.words.length > 0).map((s) => s.words.map((w) => ({ text: w, arg: at.arg })));
}

function unwrapPosixShell(tokens: Token[], program: string): Unwrapped | undefined {
  const at = tokens[0] as Token;
  for (let i = 1; i < tokens.length; i++) {
    const t = (tokens[i] as Token).text;
    if (t === '-o' || t === '+o' || t === '-O' || t === '+O') {
      i++; // option with a value, e.g. -o pipefail
      continue;
    }
    const isC = t === '--command' || (/^-[A-Za-z]+$/.test(t) && t.includes('c'));
    if (isC) {
      const scriptAt = tokens[i + 1];
      if (!scriptAt) return { wrapper: { kind: 'posix-shell', program, at, flag: t } };
      const parsed = parseScript(scriptAt.text, 'posix');
      const wrapper: Wrapper = { kind: 'posix-shell', program, at, flag: t, script: scriptAt.text, scriptAt, parsed };
      return isSimpleScript(parsed) ? { wrapper, inner: wordsAt(scriptAt.text, scriptAt, 'posix') } : { wrapper, commands: scriptCommands(parsed, scriptAt) };
    }
    if (!t.startsWith('-') && !t.startsWith('+')) return undefined; // `bash script.sh`: runs a file
  }
  return undefined;
}

function unwrapCmd(tokens: Token[]): Unwrapped | undefined {
  const at = tokens[0] as Token;
  for (let i = 1; i < tokens.length; i++) {
    const t = (tokens[i] as Token).text;
    if (/^\/[ck]$/i.test(t)) {
      const rest = tokens.slice(i + 1);
      const first = rest[0];
      if (!first) return { wrapper: { kind: 'cmd', program: 'cmd', at, flag: t } };
      const script = rest.map((r) => r.text).join(' ');
      const parsed = parseScript(script, 'windows');
      const wrapper: Wrapper = { kind: 'cmd', program: 'cmd', at, flag: t, script, scriptAt: first, parsed };
      if (!isSimpleScript(parsed)) return { wrapper, commands: scriptCommands(parsed, first) };
      const inner = rest.length === 1 ? wordsAt(first.text, first, 'windows') : rest;
      return { wrapper, inner };
    }
    if (!/^\/[a-z](?::\S*)?$/i.test(t)) return undefined;
  }
  return undefined;
}

function unwrapPowerShell(tokens: Token[], program: string): Unwrapped | undefined {
  const at = tokens[0] as Token;
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    const t = tok.text;
    const isParam = /^[-/][A-Za-z]/.test(t);
    if (isParam && (psParam(t, 'encodedcommand', 2, ['e', 'ec', 'enc']))) {
      const valueAt = tokens[i + 1];
      const decoded = valueAt ? decodePowerShellCommand(valueAt.text) : undefined;
      const script = decoded ?? valueAt?.text ?? '';
      const parsed = parseScript(script, 'windows');
      return { wrapper: { kind: 'powershell', program, at, flag: t, script, ...(valueAt ? { scriptAt: valueAt } : {}), encoded: true, parsed } };
    }
    if (isParam && psParam(t, 'command', 1)) {
      const rest = tokens.slice(i + 1);
      return psScript(program, at, t, rest);
    }
    if (isParam && psParam(t, 'file', 1)) return undefined; // runs a script file
    if (isParam && PS_VALUE_PARAMS.some(([full, min, aliases]) => psParam(t, full, min, aliases))) {
      i++;
      continue;
    }
    if (isParam) continue; // -NoProfile, -NonInteractive, -NoLogo …
    // A bare word: Windows PowerShell treats it as -Command, pwsh as -File.
    return program === 'powershell' ? psScript(program, at, '', tokens.slice(i)) : undefined;
  }
  return undefined;
}

function psScript(program: string, at: Token, flag: string, rest: Token[]): Unwrapped {
  const first = rest[0];
  const script = rest.map((r) => r.text).join(' ');
  const parsed = parseScript(script, 'windows');
  const wrapper: Wrapper = { kind: 'powershell', program, at, flag, script, ...(first ? { scriptAt: first } : {}), parsed };
  if (!first) return { wrapper };
  if (!isSimpleScript(parsed)) return { wrapper, commands: scriptCommands(parsed, first) };
  return { wrapper, inner: rest.length === 1 ? wordsAt(first.text, first, 'windows') : rest };
}

function unwrapIndirect(tokens: Token[], program: string): Unwrapped | undefined {
  const at = tokens[0] as Token;
  const wrapper: Wrapper = { kind: 'indirect', program, at };
  if (program === 'wsl') {
    let i = 1;
    for (; i < tokens.length; i++) {
      const t = (tokens[i] as Token).text;
      if (t === '--' || t === '-e' || t === '--exec') {
        i++;
        break;
      }
      if (['-d', '--distribution', '-u', '--user', '--cd', '--distribution-id'].includes(t)) i++;
      else if (!t.startsWith('-')) break;
    }
    const inner = tokens.slice(i);
    return inner.length > 0 ? { wrapper, inner } : { wrapper };
  }
  if (program === 'conhost') {
    let i = 1;
    for (; i < tokens.length && (tokens[i] as Token).text.startsWith('--'); i++) {
      if (['--width', '--height', '--signal', '--server'].includes((tokens[i] as Token).text)) i++;
    }
    const inner = tokens.slice(i);
    return inner.length > 0 ? { wrapper, inner } : { wrapper };
  }
  if (program === 'forfiles') {
    const i = tokens.findIndex((t) => /^\/c$/i.test(t.text));
    const scriptAt = i >= 0 ? tokens[i + 1] : undefined;
    if (!scriptAt) return { wrapper };
    const parsed = parseScript(scriptAt.text, 'windows');
    return { wrapper: { ...wrapper, flag: '/c', script: scriptAt.text, scriptAt, parsed }, commands: scriptCommands(parsed, scriptAt) };
  }
  if (program === 'pcalua') {
    const i = tokens.findIndex((t) => t.text.toLowerCase() === '-a');
    const target = i >= 0 ? tokens[i + 1] : undefined;
    if (!target) return { wrapper };
    const c = tokens.findIndex((t) => t.text.toLowerCase() === '-c');
    const argsAt = c >= 0 ? tokens[c + 1] : undefined;
    return { wrapper, inner: [target, ...(argsAt ? wordsAt(argsAt.text, argsAt, 'windows') : [])] };
  }
  return undefined;
}

function unwrapEnv(tokens: Token[]): Unwrapped | undefined {
  const at = tokens[0] as Token;
  let i = 1;
  for (; i < tokens.length; i++) {
    const t = (tokens[i] as Token).text;
    if (t === '-u' || t === '--unset' || t === '-C' || t === '--chdir') i++;
    else if (t === '-S' || t === '--split-string') {
      const s = tokens[i + 1];
      return s ? { wrapper: { kind: 'env', program: 'env', at }, inner: [...wordsAt(s.text, s, 'posix'), ...tokens.slice(i + 2)] } : undefined;
    } else if (!t.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) break;
  }
  const inner = tokens.slice(i);
  return inner.length > 0 ? { wrapper: { kind: 'env', program: 'env', at }, inner } : undefined;
}

function unwrap(tokens: Token[]): Unwrapped | undefined {
  const first = tokens[0];
  if (!first) return undefined;
  const program = programName(first.text);
  if (POSIX_SHELLS.has(program)) {
    // `busybox sh -c …`
    if (program === 'busybox') return tokens[1] && POSIX_SHELLS.has(programName(tokens[1].text)) ? unwrapPosixShell(tokens.slice(1), programName(tokens[1].text)) : undefined;
    return unwrapPosixShell(tokens, program);
  }
  if (program === 'cmd') return unwrapCmd(tokens);
  if (program === 'powershell' || program === 'pwsh') return unwrapPowerShell(tokens, program);
  if (program === 'wsl' || program === 'conhost' || program === 'forfiles' || program === 'pcalua') return unwrapIndirect(tokens, program);
  if (program === 'env') return unwrapEnv(tokens);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Runners
// ---------------------------------------------------------------------------------------------

interface OptionTable {
  /** Long options (without dashes) that take a value. */
  long: ReadonlySet<string>;
  /** Short option letters that take a value. */
  short: ReadonlySet<string>;
}

/** Parses options until the first positional; returns options and the index of that positional. */
function parseOptions(tokens: Token[], start: number, table: OptionTable): { options: RunnerOption[]; next: number } {
  const options: RunnerOption[] = [];
  let i = start;
  for (; i < tokens.length; i++) {
    const at = tokens[i] as Token;
    const t = at.text;
    if (t === '--') return { options, next: i + 1 };
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      if (eq > 0) {
        options.push({ name: t.slice(0, eq), value: t.slice(eq + 1), at });
      } else if (table.long.has(t.slice(2)) && tokens[i + 1]) {
        const valueAt = tokens[++i] as Token;
        options.push({ name: t, value: valueAt.text, at, valueAt });
      } else options.push({ name: t, at });
      continue;
    }
    if (t.startsWith('-') && t.length > 1 && !/^-\d/.test(t)) {
      // Short options, possibly clustered (`-it`) or with an attached value (`-p8080:80`).
      const letters = t.slice(1);
      let consumed = false;
      for (let k = 0; k < letters.length; k++) {
        const letter = letters[k] as string;
        if (letter === '=') break;
        if (table.short.has(letter)) {
          const attached = letters.slice(k + 1).replace(/^=/, '');
          if (attached !== '') options.push({ name: `-${letter}`, value: attached, at });
          else if (tokens[i + 1]) {
            const valueAt = tokens[i + 1] as Token;
            options.push({ name: `-${letter}`, value: valueAt.text, at, valueAt });
            consumed = true;
          } else options.push({ name: `-${letter}`, at });
          break;
        }
        options.push({ name: `-${letter}`, at });
      }
      if (consumed) i++;
      continue;
    }
    return { options, next: i };
  }
  return { options, next: i };
}

const NPX_OPTIONS: OptionTable = {
  long: new Set(['package', 'call', 'registry', 'cache', 'userconfig', 'node-options', 'shell', 'script-shell', 'loglevel', 'workspace', 'prefix', 'include', 'omit', 'before']),
  short: new Set(['p', 'c', 'w']),
};
const PNPM_OPTIONS: OptionTable = { long: new Set(['package', 'reporter', 'dir', 'filter', 'loglevel', 'config']), short: new Set(['c', 'C']) };
const YARN_OPTIONS: OptionTable = { long: new Set(['package', 'cwd']), short: new Set(['p']) };
const BUNX_OPTIONS: OptionTable = { long: new Set(['package', 'cwd', 'registry']), short: new Set(['p']) };
const UV_OPTIONS: OptionTable = {
  long: new Set([
    'from', 'with', 'with-editable', 'with-requirements', 'python', 'index', 'index-url', 'extra-index-url', 'default-index', 'find-links',
    'constraints', 'overrides', 'build-constraints', 'directory', 'project', 'cache-dir', 'config-file', 'color', 'python-preference',
    'refresh-package', 'reinstall-package', 'upgrade-package', 'exclude-newer', 'prerelease', 'resolution', 'keyring-provider',
    'index-strategy', 'link-mode', 'env-file', 'config-setting', 'allow-insecure-host', 'torch-backend', 'no-build-package', 'no-binary-package',
  ]),
  short: new Set(['p', 'c', 'b', 'P', 'f', 'i']),
};
const PIPX_OPTIONS: OptionTable = { long: new Set(['spec', 'python', 'pip-args', 'index-url', 'fetch-missing-python', 'backend']), short: new Set([]) };
export const DOCKER_RUN_OPTIONS: OptionTable = {
  long: new Set([
    'add-host', 'annotation', 'attach', 'blkio-weight', 'blkio-weight-device', 'cap-add', 'cap-drop', 'cgroup-parent', 'cgroupns', 'cidfile',
    'cpu-count', 'cpu-percent', 'cpu-period', 'cpu-quota', 'cpu-rt-period', 'cpu-rt-runtime', 'cpu-shares', 'cpus', 'cpuset-cpus', 'cpuset-mems',
    'detach-keys', 'device', 'device-cgroup-rule', 'device-read-bps', 'device-read-iops', 'device-write-bps', 'device-write-iops', 'dns',
    'dns-option', 'dns-search', 'domainname', 'entrypoint', 'env', 'env-file', 'expose', 'gpus', 'group-add', 'health-cmd', 'health-interval',
    'health-retries', 'health-start-interval', 'health-start-period', 'health-timeout', 'hostname', 'ip', 'ip6', 'ipc', 'isolation',
    'kernel-memory', 'label', 'label-file', 'link', 'link-local-ip', 'log-driver', 'log-opt', 'mac-address', 'memory', 'memory-reservation',
    'memory-swap', 'memory-swappiness', 'mount', 'name', 'network', 'net', 'network-alias', 'oom-score-adj', 'pid', 'pids-limit', 'platform',
    'publish', 'pull', 'restart', 'runtime', 'security-opt', 'shm-size', 'stop-signal', 'stop-timeout', 'storage-opt', 'sysctl', 'tmpfs',
    'ulimit', 'user', 'userns', 'uts', 'volume', 'volume-driver', 'volumes-from', 'workdir', 'arch', 'os', 'variant', 'secret', 'pod',
    'requires', 'umask', 'uidmap', 'gidmap', 'subuidname', 'subgidname', 'cgroups', 'systemd',
  ]),
  short: new Set(['a', 'c', 'e', 'h', 'l', 'm', 'p', 'u', 'v', 'w']),
};
const DOCKER_GLOBAL_OPTIONS: OptionTable = { long: new Set(['context', 'host', 'config', 'log-level', 'tlscacert', 'tlscert', 'tlskey', 'connection', 'url', 'identity', 'root', 'runroot', 'storage-driver']), short: new Set(['H', 'c', 'l']) };
const DENO_OPTIONS: OptionTable = {
  long: new Set(['config', 'import-map', 'lock', 'cert', 'location', 'seed', 'v8-flags', 'reload', 'inspect', 'env-file', 'node-modules-dir', 'frozen', 'ext']),
  short: new Set(['c', 'r']),
};

function optionValues(options: RunnerOption[], ...names: string[]): RunnerOption[] {
  return options.filter((o) => names.includes(o.name) && o.value !== undefined);
}

function npmLike(runner: RunnerId, invokedAs: string, tokens: Token[], start: number, table: OptionTable, leading: RunnerOption[] = []): RunnerLaunch | undefined {
  const parsed = parseOptions(tokens, start, table);
  const options = [...leading, ...parsed.options];
  const next = parsed.next;
  const pkgOptions = optionValues(options, '--package', '-p');
  const positional = tokens[next];
  const packages: RunnerLaunch['packages'] = pkgOptions.map((o) => ({ ...parseNpmSpec(o.value as string), at: o.valueAt ?? o.at }));
  // With --package the first positional is a bin name, otherwise it is the package itself.
  if (pkgOptions.length === 0 && positional) packages.push({ ...parseNpmSpec(positional.text), at: positional });
  const call = optionValues(options, '--call', '-c')[0];
  if (packages.length === 0 && !call) return undefined;
  const names = new Set(options.map((o) => o.name));
  const noInstall = names.has('--no-install') || names.has('--no') || names.has('--offline') || options.some((o) => o.name === '--yes' && o.value === 'false');
  return {
    runner,
    invokedAs,
    packages,
    autoInstall: !noInstall,
    explicitYes: names.has('-y') || (names.has('--yes') && !options.some((o) => o.name === '--yes' && o.value === 'false')),
    options,
    serverArgs: positional ? tokens.slice(next + 1) : [],
  };
}

function pythonRunner(runner: RunnerId, invokedAs: string, tokens: Token[], start: number, table: OptionTable, fromOption: string): RunnerLaunch | undefined {
  const { options, next } = parseOptions(tokens, start, table);
  const positional = tokens[next];
  const from = optionValues(options, fromOption)[0];
  const packages: RunnerLaunch['packages'] = [];
  if (from) packages.push({ ...parsePypiSpec(from.value as string), at: from.valueAt ?? from.at });
  else if (positional) packages.push({ ...parsePypiSpec(positional.text), at: positional });
  for (const w of optionValues(options, '--with')) packages.push({ ...parsePypiSpec(w.value as string), at: w.valueAt ?? w.at });
  if (packages.length === 0) return undefined;
  const names = new Set(options.map((o) => o.name));
  return { runner, invokedAs, packages, autoInstall: !names.has('--offline'), explicitYes: false, options, serverArgs: positional ? tokens.slice(next + 1) : [] };
}

function dockerRun(invokedAs: string, tokens: Token[], start: number): RunnerLaunch | undefined {
  const { options, next } = parseOptions(tokens, start, DOCKER_RUN_OPTIONS);
  const image = tokens[next];
  if (!image) return undefined;
  const pull = optionValues(options, '--pull')[0]?.value;
  return {
    runner: 'docker-run',
    invokedAs,
    packages: [{ ...parseImageRef(image.text), at: image }],
    autoInstall: pull !== 'never',
    explicitYes: false,
    options,
    serverArgs: tokens.slice(next + 1),
  };
}

function denoRun(tokens: Token[], start: number): RunnerLaunch | undefined {
  const { options, next } = parseOptions(tokens, start, DENO_OPTIONS);
  const target = tokens[next];
  const ref = target ? parseDenoSpec(target.text) : undefined;
  return {
    runner: 'deno-run',
    invokedAs: 'deno run',
    packages: ref && target ? [{ ...ref, at: target }] : [],
    autoInstall: true,
    explicitYes: false,
    options,
    serverArgs: target ? tokens.slice(next + 1) : [],
  };
}

/** Index of the first word equal to `sub` after global options, or -1. */
function subcommandIndex(tokens: Token[], sub: string, table: OptionTable = { long: new Set(), short: new Set() }): number {
  const { next } = parseOptions(tokens, 1, table);
  return tokens[next]?.text === sub ? next : -1;
}

/**
 * Recognises a package runner in one simple command.
 * @param tokens the words of the command, program first
 * @returns the runner and what it fetches, or undefined for any other program
 */
export function detectRunner(tokens: Token[]): RunnerLaunch | undefined {
  const first = tokens[0];
  if (!first) return undefined;
  const program = programName(first.text);
  switch (program) {
    case 'npx':
      return npmLike('npx', 'npx', tokens, 1, NPX_OPTIONS);
    case 'npm': {
      const i = [subcommandIndex(tokens, 'exec'), subcommandIndex(tokens, 'x')].find((n) => n > 0) ?? -1;
      return i > 0 ? npmLike('npm-exec', `npm ${tokens[i]?.text}`, tokens, i + 1, NPX_OPTIONS) : undefined;
    }
    case 'pnpx':
      return npmLike('pnpm-dlx', 'pnpx', tokens, 1, PNPM_OPTIONS);
    case 'pnpm': {
      const i = subcommandIndex(tokens, 'dlx', PNPM_OPTIONS);
      if (i < 0) return undefined;
      // `pnpm --package=x dlx cmd`: package options may come before `dlx`.
      return npmLike('pnpm-dlx', 'pnpm dlx', tokens, i + 1, PNPM_OPTIONS, parseOptions(tokens, 1, PNPM_OPTIONS).options);
    }
    case 'yarn': {
      const i = subcommandIndex(tokens, 'dlx');
      return i > 0 ? npmLike('yarn-dlx', 'yarn dlx', tokens, i + 1, YARN_OPTIONS) : undefined;
    }
    case 'bunx':
      return npmLike('bunx', 'bunx', tokens, 1, BUNX_OPTIONS);
    case 'bun': {
      const i = subcommandIndex(tokens, 'x');
      return i > 0 ? npmLike('bunx', 'bun x', tokens, i + 1, BUNX_OPTIONS) : undefined;
    }
    case 'uvx':
      return pythonRunner('uvx', 'uvx', tokens, 1, UV_OPTIONS, '--from');
    case 'uv': {
      const t = subcommandIndex(tokens, 'tool', UV_OPTIONS);
      const sub = t > 0 ? tokens[t + 1]?.text : undefined;
      return t > 0 && (sub === 'run' || sub === 'x') ? pythonRunner('uvx', `uv tool ${sub}`, tokens, t + 2, UV_OPTIONS, '--from') : undefined;
    }
    case 'pipx': {
      const i = subcommandIndex(tokens, 'run', PIPX_OPTIONS);
      return i > 0 ? pythonRunner('pipx-run', 'pipx run', tokens, i + 1, PIPX_OPTIONS, '--spec') : undefined;
    }
    case 'docker':
    case 'podman':
    case 'nerdctl': {
      const { next } = parseOptions(tokens, 1, DOCKER_GLOBAL_OPTIONS);
      const sub = tokens[next]?.text;
      if (sub === 'run') return dockerRun(`${program} run`, tokens, next + 1);
      if (sub === 'container' && tokens[next + 1]?.text === 'run') return dockerRun(`${program} container run`, tokens, next + 2);
      return undefined;
    }
    case 'deno': {
      const i = subcommandIndex(tokens, 'run', DENO_OPTIONS);
      return i > 0 ? denoRun(tokens, i + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Reads a stdio server's command line.
 * @param entry the `command` and `args` of a server entry
 * @returns wrappers peeled from the outside in, the simple commands that run, and the runners found
 */
export function parseLaunch(entry: { command?: string | undefined; args: readonly string[] }): Launch {
  const wrappers: Wrapper[] = [];
  let commands: Token[][] = [];
  let current: Token[] | undefined = initialTokens(entry.command, entry.args);
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    const u = unwrap(current);
    if (!u) {
      commands = [current];
      break;
    }
    wrappers.push(u.wrapper);
    if (u.inner) {
      current = u.inner;
      continue;
    }
    commands = (u.commands ?? []).flatMap((c) => {
      // One level into each command of a script: `cd x && cmd /c npx …` still shows the npx.
      const inner = unwrap(c);
      if (!inner) return [c];
      wrappers.push(inner.wrapper);
      return inner.inner ? [inner.inner] : (inner.commands ?? []);
    });
    current = undefined;
  }
  if (current && commands.length === 0) commands = [current];
  const runners = commands.map(detectRunner).filter((r): r is RunnerLaunch => r !== undefined);
  return { wrappers, commands, runners };
}
