import type { ServerEntry, ServerSnapshot } from '../../model/index.js';
import type { PackageFacts } from '../../supplychain/facts.js';
import type { IocFeed } from '../../supplychain/ioc.js';
import type { PackageRef } from '../../supplychain/package-ref.js';
import type { PopularList } from '../../supplychain/typosquat.js';
import type { Rule } from '../types.js';

/**
 * What a supply-chain rule looks at: one server entry, the package its launch spec names (if any),
 * what the registries said about that package (if vet looked it up), and what the server advertised
 * (if a snapshot is available). All gathered by supplychain/ before any rule runs.
 */
export interface VetSubject {
  entry: ServerEntry;
  ref?: PackageRef;
  facts?: PackageFacts;
  snapshot?: ServerSnapshot;
}

export interface VetRuleContext {
  now: Date;
  popular: PopularList;
  ioc: IocFeed;
  /** Releases younger than this many days are reported as new (default 7). */
  newVersionDays: number;
}

export type SupplyChainRule<MessageIds extends string = string> = Rule<VetSubject, VetRuleContext, MessageIds>;
