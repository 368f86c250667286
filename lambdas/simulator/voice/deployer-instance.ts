import type { ConnectInstance } from '../../adapters/local/connect-emulator/instance';
import type { ContactCenterConfig } from '../../domain/config/schema';

/**
 * The emulated instance as a deployer's is after `cdk deploy`, before the deploy places agents: the holding queue,
 * a `UR-` routing profile per group holding it, and a user per rep where a new instance puts users. Returns the
 * configuration with every rep's user, and the file to load with the same.
 */
export function deployerInstance(i: ConnectInstance, cc: ContactCenterConfig, configJson: unknown) {
  const holding = i.addQueue('UR-Holding');
  const basic = i.addRoutingProfile('Basic Routing Profile', [i.addQueue('BasicQueue').id]);
  const profileOf = new Map(
    cc.groups.map((g) => [g.id, i.addRoutingProfile(g.routingProfileName ?? `UR-${g.id}`, [holding.id]).id]),
  );
  // Users start where a new instance has them: the basic profile, auto-accept off, no after-contact-work limit.
  const reps = cc.reps.map((r) => {
    const user = i.addUser(r.id, { routingProfileId: basic.id, ...(r.connectUserId ? { id: r.connectUserId } : {}) });
    return { ...r, connectUserId: user.id };
  });
  const config: ContactCenterConfig = { ...cc, reps };
  const userOfRep = new Map(reps.map((r) => [r.id, r.connectUserId]));
  // The configuration the router loads: the file's, every rep with their user.
  const json = configJson as { reps?: { id: string }[] };
  const loaded = { ...json, reps: json.reps?.map((r) => ({ ...r, connectUserId: userOfRep.get(r.id) })) };
  return { holding, config, loaded, profileOf };
}
