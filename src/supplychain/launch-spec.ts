/**
 * @module supplychain/launch-spec
 * Reads the package a server entry installs from its command line: `npx -y pkg@1.2.3`, `npm exec`,
 * `pnpm dlx`, `bunx`, `yarn dlx`, `uvx pkg==1.0`, `uvx --from pkg cmd`, `pipx run`, `docker run image`,
 * `node …/node_modules/pkg/…` and MCPB bundles. Runners are found with the shared launch parser
 * (analysis/launch.ts); local installs and bundles here. No I/O except reading a local
 * package.json/manifest.json that the command line itself points at.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import npa from 'npm-package-arg';
import type { ServerEntry } from '../model/index.js';
import { parseLaunch } from '../analysis/launch.js';
import type { PackageRef } from './package-ref.js';

/** Launchers are matched on the command's basename without a Windows suffix (`npx.cmd` → `npx`). */
function launcherName(command: string): string {
  return basename(command.replace(/\\/g, '/')).replace(/\.(?:cmd|exe|bat|ps1)$/i, '').toLowerCase();
}

/** A command line as (token, index in entry.args) pairs; index -1 for the command itself. */
interface Token {
  text: string;
  index: number;
}

function fieldOf(t: Token): string {
  return t.index < 0 ? 'command' : `args.${t.index}`;
}

/**
 * Unwraps Windows `cmd /c npx …` and `cmd.exe /s /c "npx …"` so the real launcher is seen. Shell
 * strings (`sh -c "…"`) are not tokenised: quoting rules make a guess unsafe, and the config rules
 * already flag shell wrappers.
 */
function unwrap(tokens: Token[]): Token[] {
  const first = tokens[0];
  if (!first || launcherName(first.text) !== 'cmd') return tokens;
  const c = tokens.findIndex((t, i) => i > 0 && /^\/c$/i.test(t.text));
  return c === -1 ? tokens : tokens.slice(c + 1);
}

/** Options (per launcher) that take a value as the next token, so the value is not mistaken for the package. */
const NPX_VALUE_OPTS = new Set(['-p', '--package', '-c', '--call', '--registry', '--cache', '--userconfig', '-w', '--workspace', '--prefix', '--loglevel']);
const UV_VALUE_OPTS = new Set(['--from', '--with', '--with-editable', '--with-requirements', '-p', '--python', '--index', '--index-url', '--extra-index-url', '--default-index', '-i', '--find-links', '-f', '--directory', '--project', '--config-file', '--cache-dir', '--constraints', '-c', '--overrides', '--env-file', '--build-constraints', '-b', '--exclude-newer', '--index-strategy', '--keyring-provider', '--resolution', '--prerelease', '--refresh-package', '--reinstall-package', '--upgrade-package', '-P', '--python-preference', '--color', '--allow-insecure-host', '--link-mode', '--compile-bytecode']);
const PIPX_VALUE_OPTS = new Set(['--spec', '--python', '--index-url', '-i', '--pip-args', '--fetch-missing-python', '--backend']);
const DOCKER_VALUE_OPTS = new Set([
  '-a', '--attach', '--add-host', '--annotation', '--blkio-weight', '--blkio-weight-device', '--cap-add', '--cap-drop', '--cgroup-parent', '--cgroupns', '--cidfile', '--cpu-period', '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime', '-c', '--cpu-shares', '--cpus', '--cpuset-cpus', '--cpuset-mems', '--device', '--device-cgroup-rule', '--device-read-bps', '--device-read-iops', '--device-write-bps', '--device-write-iops', '--dns', '--dns-option', '--dns-search', '--domainname', '--entrypoint', '-e', '--env', '--env-file', '--expose', '--gpus', '--group-add', '--health-cmd', '--health-interval', '--health-retries', '--health-start-interval', '--health-start-period', '--health-timeout', '-h', '--hostname', '--ip', '--ip6', '--ipc', '--isolation', '--kernel-memory', '-l', '--label', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address', '-m', '--memory', '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--network', '--net', '--network-alias', '--oom-score-adj', '--pid', '--pids-limit', '--platform', '-p', '--publish', '--pull', '--restart', '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout', '--storage-opt', '--sysctl', '--tmpfs', '--ulimit', '-u', '--user', '--userns', '--uts', '-v', '--volume', '--volume-driver', '--volumes-from', '-w', '--workdir',
]);

/** First positional token after `start`, skipping options (and the values of value-taking options). */
function firstPositional(tokens: Token[], start: number, valueOpts: ReadonlySet<string>): number {
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i]?.text ?? '';
    if (t === '--') return i + 1 < tokens.length ? i + 1 : -1;
    if (t.startsWith('-')) {
      if (!t.includes('=') && valueOpts.has(t)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** Value of a value-taking option (`--from x`, `--from=x`, `-p x`), with its token. */
function optionValue(tokens: Token[], start: number, names: readonly string[], stopAt: number): Token | undefined {
  for (let i = start; i < tokens.length && (stopAt < 0 || i < stopAt); i++) {
    const t = tokens[i]?.text ?? '';
    if (t === '--') return undefined;
    for (const n of names) {
      if (t === n) {
        const v = tokens[i + 1];
        return v ? { text: v.text, index: v.index } : undefined;
      }
      if (n.startsWith('--') && t.startsWith(`${n}=`)) return { text: t.slice(n.length + 1), index: tokens[i]?.index ?? -1 };
    }
  }
  return undefined;
}

/**
 * Longest spec considered. npm names are at most 214 characters; anything far longer is not a package
 * spec, and npm-package-arg's parsers are not built for megabyte inputs.
 */
const MAX_SPEC = 2048;

/** An npm package spec (`pkg`, `pkg@1.2.3`, `@s/p@^1`, `github:o/r#sha`) as a PackageRef. */
export function npmRef(spec: string, launcher: string, field: string): PackageRef | undefined {
  if (spec.length > MAX_SPEC) return undefined;
  let parsed: ReturnType<typeof npa>;
  try {
    parsed = npa(spec);
  } catch {
    return undefined; // not a valid npm spec: nothing to vet, the command will fail on its own
  }
  switch (parsed.type) {
    case 'version':
    case 'range':
    case 'tag': {
      if (!parsed.name) return undefined;
      const requested = parsed.rawSpec === '' || parsed.rawSpec === '*' ? undefined : parsed.rawSpec;
      return { ecosystem: 'npm', name: parsed.name, ...(requested !== undefined ? { requested } : {}), pinned: parsed.type === 'version', source: 'registry', launcher, field };
    }
    case 'alias': {
      const sub = (parsed as unknown as { subSpec?: { raw: string } }).subSpec;
      return sub ? npmRef(sub.raw, launcher, field) : undefined;
    }
    case 'git': {
      const committish = (parsed as unknown as { gitCommittish?: string | null }).gitCommittish ?? '';
      return { ecosystem: 'npm', name: spec, requested: committish || undefined, pinned: /^[0-9a-f]{40}$/i.test(committish), source: 'git', launcher, field };
    }
    case 'remote':
      return { ecosystem: 'npm', name: spec, pinned: false, source: 'url', launcher, field };
    default:
      return { ecosystem: 'npm', name: spec, pinned: true, source: 'local-path', launcher, field };
  }
}

/** PEP 503 normalised project name: lowercase, runs of `-`, `_`, `.` become one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * A PEP 508 requirement as uv/pipx accept it (`pkg`, `pkg==1.0`, `pkg[extra]>=1`, and uv's `pkg@1.0`).
 * Pinned only for `==X` without a wildcard and for `===X`.
 */
export function pypiRef(spec: string, launcher: string, field: string): PackageRef | undefined {
  if (spec.length > MAX_SPEC) return undefined;
  const s = spec.trim();
  if (/^(?:git\+|https?:|file:)/i.test(s) || s.includes('://')) return { ecosystem: 'pypi', name: s, pinned: /@[0-9a-f]{40}$/i.test(s), source: s.startsWith('git+') ? 'git' : 'url', launcher, field };
  if (s.startsWith('.') || s.startsWith('/') || /\.(?:whl|tar\.gz|zip)$/i.test(s)) return { ecosystem: 'pypi', name: s, pinned: true, source: 'local-path', launcher, field };
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,200})(?:\[[^\]]{0,200}\])?\s{0,10}(.{0,300})$/.exec(s);
  if (!m || m[1] === undefined) return undefined;
  const name = normalizePypiName(m[1]);
  let rest = (m[2] ?? '').split(';')[0]?.trim() ?? '';
  if (rest.startsWith('@')) {
    const v = rest.slice(1).trim();
    if (v === 'latest') rest = '';
    else rest = `==${v}`;
  }
  if (rest === '') return { ecosystem: 'pypi', name, pinned: false, source: 'registry', launcher, field };
  const pinned = (/^===\s{0,5}\S+$/.test(rest) || /^==\s{0,5}[^\s,*]+$/.test(rest)) && !rest.includes(',');
  return { ecosystem: 'pypi', name, requested: rest.replace(/\s+/g, ''), pinned, source: 'registry', launcher, field };
}

/**
 * A container image reference (`name`, `name:tag`, `host/ns/name:tag@sha256:…`) per the distribution
 * reference grammar: the first component is a registry host when it has a `.` or `:` or is `localhost`.
 */
export function ociRef(reference: string, launcher: string, field: string): PackageRef | undefined {
  if (reference.length > MAX_SPEC) return undefined;
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const nameTag = at >= 0 ? reference.slice(0, at) : reference;
  if (digest !== undefined && !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,}$/.test(digest)) return undefined;
  const lastSlash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  const tag = colon > lastSlash ? nameTag.slice(colon + 1) : undefined;
  const name = colon > lastSlash ? nameTag.slice(0, colon) : nameTag;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,255}$/.test(name)) return undefined;
  const parts = name.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0]?.includes('.') || parts[0]?.includes(':') || parts[0] === 'localhost')) registry = parts.shift() ?? registry;
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/').toLowerCase();
  const image = { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
  return {
    ecosystem: 'oci',
    name: `${registry}/${repository}`,
    ...(digest !== undefined ? { requested: digest } : tag !== undefined ? { requested: tag } : {}),
    pinned: digest !== undefined,
    source: 'registry',
    launcher,
    field,
    image,
  };
}

/** `…/node_modules/@scope/name/…` → the installed package directory and name, if the path has one. */
function nodeModulesPackage(path: string): { dir: string; name: string } | undefined {
  const norm = path.replace(/\\/g, '/');
  const i = norm.lastIndexOf('/node_modules/');
  if (i === -1) return undefined;
  const rest = norm.slice(i + '/node_modules/'.length).split('/');
  const first = rest[0];
  if (!first) return undefined;
  const name = first.startsWith('@') && rest[1] ? `${first}/${rest[1]}` : first;
  return { dir: `${norm.slice(0, i)}/node_modules/${name}`, name };
}

function readJsonFile(path: string): Record<string, unknown> | undefined {
  try {
    if (!existsSync(path) || statSync(path).size > 1024 * 1024) return undefined;
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // unreadable or not JSON: treated as "no local metadata", reported as local path
  }
}

/** The MCPB bundle directory a path sits in (a directory holding manifest.json with `manifest_version`/`dxt_version`). */
function mcpbBundleDir(path: string, cwd: string | undefined): string | undefined {
  let dir = dirname(resolve(cwd ?? '/', path));
  for (let depth = 0; depth < 6; depth++) {
    const m = readJsonFile(join(dir, 'manifest.json'));
    if (m && (typeof m['manifest_version'] === 'string' || typeof m['dxt_version'] === 'string') && typeof m['name'] === 'string') return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

function localNodeRef(tokens: Token[], entry: ServerEntry, launcher: string): PackageRef | undefined {
  const scriptIdx = firstPositional(tokens, 1, new Set(['-r', '--require', '--import', '-e', '--eval', '--loader', '--experimental-loader', '--env-file', '--input-type', '--conditions', '-C']));
  const script = scriptIdx === -1 ? undefined : tokens[scriptIdx];
  if (!script) return undefined;
  const bundle = /\.mcpb$/i.test(script.text) ? undefined : mcpbBundleDir(script.text, entry.cwd);
  if (bundle) {
    const m = readJsonFile(join(bundle, 'manifest.json')) ?? {};
    return { ecosystem: 'mcpb', name: String(m['name']), ...(typeof m['version'] === 'string' ? { requested: m['version'] } : {}), pinned: true, source: 'bundle', launcher, field: fieldOf(script), localDir: bundle };
  }
  const nm = nodeModulesPackage(script.text);
  if (!nm) return undefined;
  const dir = resolve(entry.cwd ?? '/', nm.dir.split('/').join(sep));
  const pkg = readJsonFile(join(dir, 'package.json'));
  const version = typeof pkg?.['version'] === 'string' ? pkg['version'] : undefined;
  return { ecosystem: 'npm', name: nm.name, ...(version !== undefined ? { requested: version } : {}), pinned: version !== undefined, source: 'local-install', launcher, field: fieldOf(script), localDir: dir };
}

/**
 * The package a server entry runs, or undefined when the entry runs no package we can name (a remote
 * URL, a local script outside node_modules, a shell string). Never throws on odd input.
 */
export function resolveLaunchSpec(entry: ServerEntry): PackageRef | undefined {
  if (entry.transport !== 'stdio' || entry.command === undefined) return undefined;
  // The shared launch parser (analysis/launch.ts) finds the runner through shells, `cmd /c`,
  // PowerShell and `env` wrappers; the spec it finds is then read with npm's own parser here.
  const runner = parseLaunch(entry).runners.find((r) => r.packages.length > 0);
  const main = runner?.packages[0];
  if (runner && main) {
    const field = main.at.arg < 0 ? 'command' : `args.${main.at.arg}`;
    if (main.ecosystem === 'npm') return npmRef(main.spec, runner.invokedAs, field);
    if (main.ecosystem === 'pypi') return pypiRef(main.spec, runner.invokedAs, field);
    if (main.ecosystem === 'oci') return ociRef(main.spec, runner.invokedAs, field);
    return undefined; // JSR (deno run jsr:…): no registry client yet
  }
  const tokens = unwrap([{ text: entry.command, index: -1 }, ...entry.args.map((text, index) => ({ text, index }))]);
  const head = tokens[0];
  if (!head) return undefined;
  const launcher = launcherName(head.text);
  const at = (i: number): Token | undefined => (i >= 0 ? tokens[i] : undefined);

  switch (launcher) {
    case 'npx':
    case 'bunx':
    case 'pnpx': {
      const pos = firstPositional(tokens, 1, NPX_VALUE_OPTS);
      const pkgOpt = optionValue(tokens, 1, ['-p', '--package'], pos);
      const t = pkgOpt ?? at(pos);
      return t ? npmRef(t.text, launcher, fieldOf(t)) : undefined;
    }
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun': {
      // npm exec / npm x / pnpm dlx / pnpm exec is local only / yarn dlx / bun x
      const sub = tokens.findIndex((t, i) => i > 0 && !t.text.startsWith('-'));
      const verb = tokens[sub]?.text;
      const runs = launcher === 'npm' ? verb === 'exec' || verb === 'x' : launcher === 'bun' ? verb === 'x' : verb === 'dlx';
      if (!runs) return undefined;
      const pos = firstPositional(tokens, sub + 1, NPX_VALUE_OPTS);
      const pkgOpt = optionValue(tokens, 1, ['-p', '--package'], pos);
      const t = pkgOpt ?? at(pos);
      return t ? npmRef(t.text, `${launcher} ${verb}`, fieldOf(t)) : undefined;
    }
    case 'uvx':
    case 'uv': {
      let start = 1;
      if (launcher === 'uv') {
        const tool = tokens[1]?.text;
        const run = tokens[2]?.text;
        if (tool === 'tool' && (run === 'run' || run === 'uvx')) start = 3;
        else return undefined; // `uv run` runs the local project, not a registry package
      }
      const pos = firstPositional(tokens, start, UV_VALUE_OPTS);
      const from = optionValue(tokens, start, ['--from'], pos);
      const t = from ?? at(pos);
      return t ? pypiRef(t.text, launcher === 'uv' ? 'uv tool run' : 'uvx', fieldOf(t)) : undefined;
    }
    case 'pipx': {
      if (tokens[1]?.text !== 'run') return undefined;
      const pos = firstPositional(tokens, 2, PIPX_VALUE_OPTS);
      const spec = optionValue(tokens, 2, ['--spec'], pos);
      const t = spec ?? at(pos);
      return t ? pypiRef(t.text, 'pipx run', fieldOf(t)) : undefined;
    }
    case 'docker':
    case 'podman':
    case 'nerdctl': {
      let i = 1;
      if (tokens[i]?.text === 'container') i++;
      if (tokens[i]?.text !== 'run') return undefined;
      const pos = firstPositional(tokens, i + 1, DOCKER_VALUE_OPTS);
      const t = at(pos);
      return t ? ociRef(t.text, launcher, fieldOf(t)) : undefined;
    }
    case 'node':
    case 'bun-node':
      return localNodeRef(tokens, entry, launcher);
    default: {
      // A bundle's own binary (`…/Claude Extensions/<id>/server/index.js` run directly) or a .mcpb path in args.
      const mcpb = tokens.find((t) => /\.mcpb$/i.test(t.text));
      if (mcpb) return { ecosystem: 'mcpb', name: basename(mcpb.text).replace(/\.mcpb$/i, ''), pinned: true, source: 'bundle', launcher, field: fieldOf(mcpb) };
      return undefined;
    }
  }
}
