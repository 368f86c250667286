import { ListTagsForResourceCommand } from '@aws-sdk/client-connect';
import { AgentPlacement, PREVIOUS_PROFILE_TAG } from '../../lambdas/adapters/connect/agent-placement';
import { checkSubject, connectProblems } from '../../lambdas/adapters/connect/connect-check';
import * as people from '../../lambdas/adapters/local/connect-emulator/people';
import { type VoiceCenter, voiceCenter } from '../support/voice-center';

/** Agents placed by the deploy (semantics §8), on the Connect emulator with the real client. */
let v: VoiceCenter;
afterEach(async () => v?.stop());

const target = (repId: string) => ({
  repId,
  connectUserId: v.users[repId]!.id,
  routingProfileId: v.profiles.ur.id,
  afterContactWorkSeconds: 30,
});

describe('agent placement', () => {
  it('a rep outside the UR routing profile never gets the call; placed, they do, and the check is clean', async () => {
    v = await voiceCenter({ outsideProfile: ['rep-a'] });
    await v.ready('rep-a');
    const config = await v.deps.config.get();
    const before = await connectProblems(v.client, v.instance.arn, checkSubject(config, v.holding.id));
    expect(before).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rep rep-a \(rep-a\): their routing profile lacks the holding queue/),
        expect.stringMatching(/^rep rep-a \(rep-a\): auto-accept is off/),
        expect.stringMatching(/^rep rep-b \(rep-b\): after-contact work has no time limit/),
      ]),
    );
    const contactId = await v.call();
    // Offered by the router, but Connect offers a call only to an agent whose profile has its queue.
    expect((await v.itemOf(contactId)).reservation?.repId).toBe('rep-a');
    expect(v.instance.user(v.users['rep-a']!.id).contact).toBeUndefined();
    const placement = new AgentPlacement(v.client, v.instance.arn);
    for (const rep of ['rep-a', 'rep-b', 'rep-c'])
      expect((await placement.place(target(rep))).changed.length).toBeGreaterThan(0);
    expect(await connectProblems(v.client, v.instance.arn, checkSubject(config, v.holding.id))).toEqual([]);
    // Placing again changes nothing.
    expect((await placement.place(target('rep-a'))).changed).toEqual([]);
    // In the profile now, rep-a is delivered the call still targeted to them: it rings, and they answer.
    await v.advance(0);
    expect(v.instance.user(v.users['rep-a']!.id).contact).toMatchObject({ contactId, state: 'CONNECTING' });
    people.answer(v.instance, v.users['rep-a']!.id);
    await v.advance(0);
    expect(await v.itemOf(contactId)).toMatchObject({ state: 'Assigned', reservation: { repId: 'rep-a' } });
  });

  it('removing a rep puts their user back in the routing profile they were placed from', async () => {
    v = await voiceCenter({ outsideProfile: ['rep-a'] });
    const placement = new AgentPlacement(v.client, v.instance.arn);
    const user = v.users['rep-a']!;
    await placement.place(target('rep-a'));
    expect(v.instance.user(user.id).routingProfileId).toBe(v.profiles.ur.id);
    const tags = await v.client.send(new ListTagsForResourceCommand({ resourceArn: user.arn }));
    expect(tags.tags).toEqual({ [PREVIOUS_PROFILE_TAG]: v.profiles.basic.id });
    expect(await placement.restore(user.id)).toBe(true);
    expect(v.instance.user(user.id).routingProfileId).toBe(v.profiles.basic.id);
    expect(await placement.restore(user.id)).toBe(false);
  });

  it('names every Connect status the configuration uses that the instance lacks, or that routes when it must not', async () => {
    v = await voiceCenter();
    const config = await v.deps.config.get();
    const withBreak = Object.create(config, {
      connectAgents: { value: { ...config.connectAgents, notRoutableStatus: 'Break', routableStatus: 'Offline' } },
    });
    const problems = await connectProblems(v.client, v.instance.arn, checkSubject(withBreak, v.holding.id));
    expect(problems).toEqual(
      expect.arrayContaining([
        "connect.routableStatus names 'Offline', a OFFLINE status: only the routable status may route calls",
        "connect.notRoutableStatus names the agent status 'Break', which the instance does not have",
      ]),
    );
  });
});
