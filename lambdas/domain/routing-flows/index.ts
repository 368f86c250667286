/** Importing this module registers the built-in routing flows; the router and validation import it. */
import './built-in';

export type { FlowTarget, RoutingFlow, RoutingFlowInput } from './registry';
export { isRegistered, registerRoutingFlow, routingFlow } from './registry';
