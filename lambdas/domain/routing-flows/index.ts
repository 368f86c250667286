/** Importing this module registers the built-in routing flows; the router and validation import it. */
import './built-in';

export { isRegistered, registerRoutingFlow, routingFlow } from './registry';
export type { FlowTarget, RoutingFlow, RoutingFlowInput } from './registry';
