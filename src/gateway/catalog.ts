/**
 * @module gateway/catalog
 * What clients see: the union of every upstream's tools, prompts, resources and templates, named
 * `<server><sep><name>` (or unchanged when wrapping a single server), minus what the policy hides
 * and, for tools, what the lockfile does not approve. Also the Router that maps names back.
 * Rebuilt lazily after any change (upstream list_changed, policy reload, pin update).
 */
import type { Prompt, Resource, ResourceTemplateType, Tool } from '@modelcontextprotocol/client';
import { UriTemplate } from '@modelcontextprotocol/client';
import type { CompiledPolicy } from '../policy/index.js';
import type { Route, Router } from './middleware/namespacing/index.js';
import type { PinIndex } from './pins.js';
import type { Operation } from './types.js';
import type { Upstream } from './upstream/upstream.js';

export interface CatalogOptions {
  /** False for `wrap`: a single upstream keeps its names. */
  namespaced: boolean;
  separator: string;
  policy: () => CompiledPolicy;
  pins: PinIndex;
}

interface Snapshot {
  tools: Tool[];
  toolRoutes: Map<string, Route>;
  prompts: Prompt[];
  promptRoutes: Map<string, Route>;
  resources: Resource[];
  resourceOwners: Map<string, Route>;
  templates: ResourceTemplateType[];
  templateRoutes: Array<{ template: UriTemplate; raw: string; route: Route }>;
  /** Resource URIs more than one server lists (the first configured server owns them). */
  collisions: string[];
}

export class Catalog implements Router {
  private snapshot: Snapshot | undefined;

  constructor(
    private readonly upstreams: ReadonlyMap<string, Upstream>,
    private readonly options: CatalogOptions,
  ) {}

  /** Marks the catalog stale; the next read rebuilds it. */
  invalidate(): void {
    this.snapshot = undefined;
  }

  /** The name a client sees for an upstream tool or prompt. */
  exposedName(server: string, name: string): string {
    return this.options.namespaced ? `${server}${this.options.separator}${name}` : name;
  }

  private build(): Snapshot {
    const policy = this.options.policy();
    const snap: Snapshot = { tools: [], toolRoutes: new Map(), prompts: [], promptRoutes: new Map(), resources: [], resourceOwners: new Map(), templates: [], templateRoutes: [], collisions: [] };
    for (const up of this.upstreams.values()) {
      const server = up.name;
      const base = { server, remote: up.remote };
      for (const tool of up.tools) {
        if (!policy.isExposed(server, tool.name)) continue;
        const name = this.exposedName(server, tool.name);
        if (snap.toolRoutes.has(name)) continue; // only possible without namespacing, i.e. never with one upstream
        snap.toolRoutes.set(name, { ...base, target: tool.name });
        if (this.options.pins.visible(server, tool.name)) snap.tools.push(name === tool.name ? tool : { ...tool, name });
      }
      if (policy.allowsKind(server, 'prompts')) {
        for (const prompt of up.prompts) {
          const name = this.exposedName(server, prompt.name);
          if (snap.promptRoutes.has(name)) continue;
          snap.promptRoutes.set(name, { ...base, target: prompt.name });
          snap.prompts.push(name === prompt.name ? prompt : { ...prompt, name });
        }
      }
      if (policy.allowsKind(server, 'resources')) {
        for (const resource of up.resources) {
          if (snap.resourceOwners.has(resource.uri)) {
            snap.collisions.push(resource.uri);
            continue;
          }
          snap.resourceOwners.set(resource.uri, { ...base, target: resource.uri });
          snap.resources.push(resource);
        }
        for (const t of up.templates) {
          let template: UriTemplate;
          try {
            template = new UriTemplate(t.uriTemplate);
          } catch {
            continue; // a template the SDK cannot parse cannot be routed either
          }
          snap.templateRoutes.push({ template, raw: t.uriTemplate, route: { ...base, target: t.uriTemplate } });
          snap.templates.push(t);
        }
      }
    }
    return snap;
  }

  private get current(): Snapshot {
    this.snapshot ??= this.build();
    return this.snapshot;
  }

  tools(): Tool[] {
    return this.current.tools;
  }
  prompts(): Prompt[] {
    return this.current.prompts;
  }
  resources(): Resource[] {
    return this.current.resources;
  }
  resourceTemplates(): ResourceTemplateType[] {
    return this.current.templates;
  }
  resourceCollisions(): string[] {
    return this.current.collisions;
  }

  /** The server owning a resource URI: listed resources first, then templates, then the only server. */
  routeUri(uri: string): Route | undefined {
    const snap = this.current;
    const owned = snap.resourceOwners.get(uri);
    if (owned) return owned;
    if (uri.length <= 4096) {
      for (const t of snap.templateRoutes) {
        if (t.template.match(uri)) return { ...t.route, target: uri };
      }
    }
    if (!this.options.namespaced && this.upstreams.size === 1) {
      const only = [...this.upstreams.values()][0];
      if (only && this.options.policy().allowsKind(only.name, 'resources')) return { server: only.name, target: uri, remote: only.remote };
    }
    return undefined;
  }

  resolve(op: Operation, requested: string, params: Record<string, unknown>): Route | undefined {
    const snap = this.current;
    switch (op) {
      case 'tools/call':
        return snap.toolRoutes.get(requested);
      case 'prompts/get':
        return snap.promptRoutes.get(requested);
      case 'resources/read':
        return this.routeUri(requested);
      case 'completion/complete': {
        const ref = params['ref'] as { type?: string; name?: string; uri?: string } | undefined;
        if (ref?.type === 'ref/prompt' && typeof ref.name === 'string') return snap.promptRoutes.get(ref.name);
        if (ref?.type === 'ref/resource' && typeof ref.uri === 'string') {
          const t = snap.templateRoutes.find((x) => x.raw === ref.uri);
          return t ? { ...t.route, target: ref.uri } : this.routeUri(ref.uri);
        }
        return undefined;
      }
    }
  }
}
