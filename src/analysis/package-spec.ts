/**
 * @fileoverview What a package or image reference pins: npm specs (`@scope/pkg@1.2.3`), Python
 * requirement specs (`pkg==1.2.3`, uv's `pkg@1.2.3`), container images (`repo:tag@sha256:…`) and
 * Deno `npm:`/`jsr:` specifiers. Used by the unpinned-install rule and supply-chain resolution.
 */

export type Ecosystem = 'npm' | 'pypi' | 'oci' | 'jsr';

/**
 * How firmly a reference fixes what runs, from firmest to loosest:
 * - `digest`: content hash (`@sha256:…`), or a full git commit
 * - `exact`: one immutable registry version (`1.2.3`, `==1.2.3`)
 * - `local`: a path on this machine, nothing is downloaded
 * - `tag`: a mutable name for a version (`:1.2` image tags, npm dist-tags such as `next`)
 * - `range`: any version in a range (`^1.2.3`, `~=1.2`, `>=1`)
 * - `git-ref`: a branch, tag or default branch of a git repository
 * - `url`: an archive URL, contents not fixed by the reference
 * - `latest`: `@latest`, `:latest`
 * - `none`: no version at all, the registry's latest today
 */
export type Pin = 'digest' | 'exact' | 'local' | 'tag' | 'range' | 'git-ref' | 'url' | 'latest' | 'none';

export interface PackageRef {
  ecosystem: Ecosystem;
  /** The reference as written. */
  spec: string;
  /** Package or image name without version. */
  name: string;
  /** Version, range, tag or digest as written, when present. */
  version?: string;
  pin: Pin;
}

/** Pins that let the registry decide what runs on the next launch. */
export const FLOATING_PINS: ReadonlySet<Pin> = new Set(['none', 'latest', 'range', 'git-ref', 'url', 'tag']);

const SEMVER_EXACT = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]{1,100})?(?:\+[0-9A-Za-z.-]{1,100})?$/;
const GIT_COMMIT = /^[0-9a-f]{40}$/i;

function isLocalPath(spec: string): boolean {
  return /^(?:\.{1,2}[\\/]|[\\/]|~[\\/]|[A-Za-z]:[\\/]|file:)/.test(spec) || spec === '.' || spec === '..';
}

function gitPin(spec: string): Pin {
  const hash = spec.lastIndexOf('#');
  const ref = hash >= 0 ? spec.slice(hash + 1).replace(/^commit=/, '') : '';
  return GIT_COMMIT.test(ref) ? 'digest' : 'git-ref';
}

/**
 * Classifies an npm package spec as `npx`, `npm exec`, `pnpm dlx`, `yarn dlx` and `bunx` take it.
 * @param spec e.g. `@modelcontextprotocol/server-github@2025.4.8`, `mcp-remote`, `github:o/r#abc`
 */
export function parseNpmSpec(spec: string): PackageRef {
  const s = spec.startsWith('npm:') ? spec.slice(4) : spec;
  const base = { ecosystem: 'npm' as const, spec };
  if (isLocalPath(s)) return { ...base, name: s, pin: 'local' };
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(s)) return { ...base, name: s.replace(/#.*$/, ''), pin: gitPin(s) };
  if (/^https?:\/\//.test(s)) return { ...base, name: s, pin: /\.git(?:#|$)/.test(s) ? gitPin(s) : 'url' };
  // `owner/repo` without a scope is GitHub shorthand to npm.
  if (/^[A-Za-z0-9][\w.-]*\/[\w.-]+(?:#.*)?$/.test(s)) return { ...base, name: s.replace(/#.*$/, ''), pin: gitPin(s) };
  const at = s.indexOf('@', s.startsWith('@') ? 1 : 0);
  const name = at < 0 ? s : s.slice(0, at);
  const version = at < 0 ? '' : s.slice(at + 1);
  if (version === '') return { ...base, name, pin: 'none' };
  return { ...base, name, version, pin: npmVersionPin(version) };
}

function npmVersionPin(version: string): Pin {
  if (version === 'latest') return 'latest';
  if (SEMVER_EXACT.test(version)) return 'exact';
  if (/^[\^~<>=*]/.test(version) || version.includes('||') || version.includes(' - ') || /^v?\d+(?:\.(?:\d+|[xX*]))?(?:\.[xX*])?$/.test(version)) return 'range';
  return 'tag';
}

/**
 * Classifies a Python requirement as `uvx`, `uv tool run` and `pipx run` take it.
 * @param spec e.g. `mcp-server-fetch`, `mcp-server-fetch==2025.4.7`, `mcp-server-git@latest`
 */
export function parsePypiSpec(spec: string): PackageRef {
  const base = { ecosystem: 'pypi' as const, spec };
  const s = spec.trim();
  if (isLocalPath(s)) return { ...base, name: s, pin: 'local' };
  const direct = /^(?:([A-Za-z0-9][\w.-]*)(?:\[[^\]]{0,200}\])?\s*@\s*)?(git\+[^\s]+)$/.exec(s);
  if (direct) {
    const url = direct[2] ?? '';
    const ref = url.slice(url.lastIndexOf('@') + 1).replace(/#.*$/, '');
    return { ...base, name: direct[1] ?? url, pin: url.lastIndexOf('@') > url.indexOf('://') + 3 && GIT_COMMIT.test(ref) ? 'digest' : 'git-ref' };
  }
  if (/^https?:\/\//.test(s)) return { ...base, name: s, pin: 'url' };
  const m = /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]{0,200}\])?\s*(.*)$/.exec(s);
  const name = m?.[1] ?? s;
  const rest = (m?.[2] ?? '').trim();
  if (rest === '') return { ...base, name, pin: 'none' };
  // uv's `pkg@1.2.3` and `pkg@latest`.
  if (rest.startsWith('@')) {
    const v = rest.slice(1).trim();
    return { ...base, name, version: v, pin: v === 'latest' ? 'latest' : /^\d+(?:\.\d+)*(?:[a-z]+\d*)?(?:\.post\d+)?$/i.test(v) ? 'exact' : 'tag' };
  }
  const exact = /^===?\s*([^\s,;*]+)$/.exec(rest);
  if (exact) return { ...base, name, version: exact[1] ?? '', pin: 'exact' };
  return { ...base, name, version: rest, pin: 'range' };
}

/**
 * Classifies a container image reference as `docker run` and `podman run` take it.
 * @param ref e.g. `mcp/github`, `ghcr.io/github/github-mcp-server:v0.4.0`, `mcp/fetch@sha256:…`
 */
export function parseImageRef(ref: string): PackageRef {
  const base = { ecosystem: 'oci' as const, spec: ref };
  const at = ref.indexOf('@');
  if (at >= 0) {
    const digest = ref.slice(at + 1);
    return { ...base, name: ref.slice(0, at).replace(/:[^/:]*$/, ''), version: digest, pin: /^sha256:[0-9a-f]{64}$/i.test(digest) ? 'digest' : 'tag' };
  }
  // A colon after the last slash is a tag; one before it is a registry port.
  const colon = ref.lastIndexOf(':');
  const tag = colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : '';
  const name = tag ? ref.slice(0, colon) : ref;
  if (tag === '') return { ...base, name, pin: 'none' };
  return { ...base, name, version: tag, pin: tag === 'latest' ? 'latest' : 'tag' };
}

/**
 * Classifies a Deno module specifier (`npm:pkg@1`, `jsr:@std/x@1.0.0`); other specifiers are files
 * or URLs and return undefined.
 */
export function parseDenoSpec(spec: string): PackageRef | undefined {
  if (spec.startsWith('npm:')) return { ...parseNpmSpec(spec.slice(4)), spec };
  if (!spec.startsWith('jsr:')) return undefined;
  const m = /^\/?(@[\w.-]{1,100}\/[\w.-]{1,100})(?:@([^/\s]{1,100}))?/.exec(spec.slice(4));
  if (!m) return undefined;
  const name = m[1] ?? '';
  const version = m[2];
  return { ecosystem: 'jsr', spec, name, ...(version ? { version } : {}), pin: version ? npmVersionPin(version) : 'none' };
}
