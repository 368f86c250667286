import { ConnectClient } from '@aws-sdk/client-connect';
import { AgentPlacement, applyPlacement } from '../adapters/connect/agent-placement';
import { connectProblems } from '../adapters/connect/connect-check';
import { parsedEntryPoint } from '../shared/entry-point';
import { PLACEMENT_RESOURCE_ID, placementEventSchema } from '../shared/placement-event';
import { logger, metrics, tracer } from '../shared/powertools';

/**
 * The deploy puts every rep's Connect user where the router's calls reach them (lib/constructs/agent-placement.ts):
 * their group's UR- routing profile, auto-accept on, a finite after-contact-work limit; a rep no longer in the
 * configuration (or the stack deleted) is put back where they were. Then it checks the instance
 * (`npm run connect:check`) and fails the deploy naming every rep a call could still not reach.
 */
export const makeHandler = (client: () => ConnectClient) =>
  parsedEntryPoint(placementEventSchema, async (event) => {
    const desired = event.ResourceProperties.Placement;
    const placement = new AgentPlacement(client(), desired.instanceArn);
    // Delete carries the placement being removed as its own properties: everyone in it goes back.
    const deleting = event.RequestType === 'Delete';
    const previous = deleting ? desired.agents : (event.OldResourceProperties?.Placement.agents ?? []);
    const result = await applyPlacement(placement, deleting ? [] : desired.agents, previous);
    metrics.addMetric('AgentsPlaced', 'Count', result.placed.length);
    logger.info('agents placed', { ...result });
    if (deleting) return { PhysicalResourceId: PLACEMENT_RESOURCE_ID };
    const problems = await connectProblems(client(), desired.instanceArn, desired.subject);
    if (problems.length) throw new Error(`calls cannot reach every rep:\n${problems.join('\n')}`);
    return { PhysicalResourceId: PLACEMENT_RESOURCE_ID, Data: { Placed: result.placed.length } };
  });

let connect: ConnectClient | undefined;
export const handler = makeHandler(() => {
  connect ??= tracer.captureAWSv3Client(new ConnectClient({}));
  return connect;
});
