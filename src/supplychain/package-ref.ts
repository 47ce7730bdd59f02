/**
 * @module supplychain/package-ref
 * What a server entry installs and runs: the package behind a launch spec, before any registry is asked.
 */

export const ECOSYSTEMS = ['npm', 'pypi', 'oci', 'mcpb'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

/** How the package reaches the machine. `registry` is the only source the registry checks apply to. */
export type PackageSource = 'registry' | 'local-install' | 'git' | 'url' | 'local-path' | 'bundle';

export interface PackageRef {
  ecosystem: Ecosystem;
  /** Registry name as the ecosystem spells it (npm name with scope, PyPI project, image repository). */
  name: string;
  /** What the launch spec asked for, verbatim (`1.2.3`, `^1`, `latest`, `==1.0`, a tag), or undefined for none. */
  requested?: string;
  /**
   * True when the spec fixes one artifact: an exact npm version, `==`/`===` on PyPI, an image digest,
   * a git commit, a local install or bundle. Everything else floats: the registry decides what runs.
   */
  pinned: boolean;
  source: PackageSource;
  /** The launcher as written (`npx`, `uvx`, `docker`, …), for messages. */
  launcher: string;
  /** `args.N` (or `command`) key of ServerEntry.fieldLines where the package is named. */
  field: string;
  /** For OCI images: registry host, repository path, tag and digest. */
  image?: { registry: string; repository: string; tag?: string; digest?: string };
  /** For local installs and bundles: the directory holding package.json / manifest.json. */
  localDir?: string;
}

/** `name@version` or `name` for messages and evidence. */
export function refLabel(ref: PackageRef, version?: string): string {
  if (ref.ecosystem === 'oci') {
    const i = ref.image;
    if (!i) return ref.name;
    return `${i.registry}/${i.repository}${i.tag ? `:${i.tag}` : ''}${i.digest ? `@${i.digest}` : ''}`;
  }
  const v = version ?? ref.requested;
  if (v === undefined) return ref.name;
  return ref.ecosystem === 'pypi' ? `${ref.name}==${v.replace(/^={2,3}/, '')}` : `${ref.name}@${v}`;
}
