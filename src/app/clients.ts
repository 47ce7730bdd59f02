/**
 * @module app/clients
 * The `clients` use-case: every supported client and the locations checked for it on this machine
 * (or under a fixture home), with what was found there.
 */
import { discoveryEnv, type DiscoveryEnvOptions } from '../discovery/env.js';
import { listClientLocations, type ClientLocations } from '../discovery/locations.js';

export interface ClientsOptions extends DiscoveryEnvOptions {
  clients?: readonly string[];
}

export interface ClientsOutcome {
  platform: NodeJS.Platform;
  home: string;
  clients: ClientLocations[];
}

export async function clients(opts: ClientsOptions = {}): Promise<ClientsOutcome> {
  const env = discoveryEnv(opts);
  return { platform: env.platform, home: env.home, clients: await listClientLocations(env, opts.clients) };
}
