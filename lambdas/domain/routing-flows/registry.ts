import type { SkillRequirement } from '../routing/work-item';

/** What a routing flow may look at. `now` is epoch ms from the router's clock, so flows are testable. */
export interface RoutingFlowInput {
  readonly channel: string;
  readonly queueId: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly skills: readonly SkillRequirement[];
  readonly now: number;
}

/** Where a flow sends the item. Targets are validated by the router: an unknown queue or rep is a flow failure. */
export type FlowTarget =
  | { readonly kind: 'queue'; readonly queueId: string }
  | { readonly kind: 'skills'; readonly queueId: string; readonly requirements: readonly SkillRequirement[] }
  | { readonly kind: 'rep'; readonly repId: string; readonly queueId?: string };

export type RoutingFlow = (input: RoutingFlowInput) => FlowTarget;

const flows = new Map<string, RoutingFlow>();
const key = (name: string, version: number) => `${name}@${version}`;

/**
 * Registers a flow under a name and version. Versions are immutable by convention: a change of behaviour is a
 * new version, and configuration names the version it uses, so a deploy never changes routing silently.
 */
export function registerRoutingFlow(name: string, version: number, flow: RoutingFlow): void {
  if (flows.has(key(name, version))) throw new Error(`routing flow ${key(name, version)} is already registered`);
  flows.set(key(name, version), flow);
}

export const routingFlow = (name: string, version: number): RoutingFlow | undefined => flows.get(key(name, version));
export const isRegistered = (name: string, version: number) => flows.has(key(name, version));
