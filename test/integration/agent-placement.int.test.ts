import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, ListTagsForResourceCommand } from '@aws-sdk/client-connect';
import { AgentPlacement, PREVIOUS_PROFILE_TAG } from '../../lambdas/adapters/connect/agent-placement';
import { checkSubject, connectProblems } from '../../lambdas/adapters/connect/connect-check';
import * as people from '../../lambdas/adapters/local/connect-emulator/people';
import { makeHandler } from '../../lambdas/handlers/agent-placement';
import { connectCheck } from '../../scripts/connect-check';
import { smallCenter } from '../fixtures/small-center';
import { lambdaContext } from '../support/lambda-context';
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

  it('names each Connect status the configuration uses that the instance lacks, or that routes wrongly', async () => {
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

  it('as the deploy runs it: placed on create, a removed rep put back on update, all put back on delete', async () => {
    v = await voiceCenter({ outsideProfile: ['rep-a', 'rep-b'] });
    const handler = makeHandler(() => v.client);
    const config = await v.deps.config.get();
    // The configuration's reps are those placed, and those checked.
    const placement = (reps: string[], checked = reps) => {
      const subject = checkSubject(config, v.holding.id);
      const agents = subject.agents.filter((a) => checked.includes(a.repName));
      return JSON.stringify({
        instanceArn: v.instance.arn,
        holdingQueueId: v.holding.id,
        agents: reps.map(target),
        subject: { ...subject, agents },
      });
    };
    const event = (RequestType: string, reps: string[], old?: string[], checked?: string[]) => ({
      RequestType,
      ResourceProperties: { Placement: placement(reps, checked) },
      ...(old ? { OldResourceProperties: { Placement: placement(old) } } : {}),
    });
    // rep-c is in the configuration but not placed: the deploy fails, naming what stops calls reaching them.
    const created = event('Create', ['rep-a', 'rep-b'], undefined, ['rep-a', 'rep-b', 'rep-c']);
    await expect(handler(created as never, lambdaContext())).rejects.toThrow(
      /calls cannot reach every rep:\nrep rep-c \(rep-c\): auto-accept is off/,
    );
    const profile = (rep: string) => v.instance.user(v.users[rep]!.id).routingProfileId;
    expect([profile('rep-a'), profile('rep-b')]).toEqual([v.profiles.ur.id, v.profiles.ur.id]);
    await expect(handler(event('Update', ['rep-a', 'rep-b', 'rep-c']) as never, lambdaContext())).resolves.toEqual({
      PhysicalResourceId: 'connect-agent-placement',
      Data: { Placed: 3 },
    });
    await handler(event('Update', ['rep-b', 'rep-c'], ['rep-a', 'rep-b', 'rep-c']) as never, lambdaContext());
    expect(profile('rep-a')).toBe(v.profiles.basic.id);
    await handler(event('Delete', ['rep-b', 'rep-c'], undefined) as never, lambdaContext());
    // Delete puts back only what its own properties placed: rep-b came from the basic profile, rep-c from UR.
    expect([profile('rep-b'), profile('rep-c')]).toEqual([v.profiles.basic.id, v.profiles.ur.id]);
  });

  it('npm run connect:check names every rep a call cannot reach, from the configuration file', async () => {
    v = await voiceCenter({ outsideProfile: ['rep-b'] });
    const file = join(mkdtempSync(join(tmpdir(), 'connect-check-')), 'center.json');
    const ids = Object.fromEntries(Object.entries(v.users).map(([rep, u]) => [rep, u.id]));
    const base = smallCenter();
    writeFileSync(file, JSON.stringify({ ...base, reps: base.reps!.map((r) => ({ ...r, connectUserId: ids[r.id] })) }));
    const args = ['--instance', v.instance.arn, '--holding-queue', v.holding.id, '--config', file];
    const client = () => new ConnectClient(v.emulator.clientConfig());
    const before = await connectCheck(args, client);
    expect(before.problems.filter((p) => p.includes('lacks the holding queue'))).toEqual([
      'rep rep-b (rep-b): their routing profile lacks the holding queue, so no targeted call is offered to them',
    ]);
    const placement = new AgentPlacement(v.client, v.instance.arn);
    for (const rep of ['rep-a', 'rep-b', 'rep-c']) await placement.place(target(rep));
    expect(await connectCheck(args, client)).toEqual({ problems: [], reps: 3 });
    expect((await connectCheck(['--instance', v.instance.arn], client)).problems).toEqual([
      expect.stringMatching(/^usage: npm run connect:check/),
    ]);
  });
});
