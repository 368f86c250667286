import * as people from '../../lambdas/adapters/local/connect-emulator/people';
import { type VoiceCenter, voiceCenter } from '../support/voice-center';

/**
 * One agent status in both places when Connect's quota runs out (semantics §8): a PutUserStatus that did not take
 * is set again at the agent's next heart beat, and a status the agent chose in the CCP is left alone.
 */
let v: VoiceCenter;
afterEach(async () => v?.stop());

const statusName = (repId: string) => v.instance.status(v.instance.user(v.users[repId]!.id).status.statusId).name;

describe("Connect's agent status reconciled with the router's", () => {
  it('a status change Connect throttled past its retries is set again at the next heart beat', async () => {
    v = await voiceCenter({ heartBeats: true });
    await v.ready('rep-a');
    expect(statusName('rep-a')).toBe('Available');
    await v.advance(1_000);
    v.emulator.api.throttle('PutUserStatus', 20);
    await v.router.changeStatus({ repId: 'rep-a', statusId: 'digital' });
    await v.advance(0);
    // Connect still has the agent Available for calls the router will not give them.
    expect(statusName('rep-a')).toBe('Available');
    v.emulator.api.throttle('PutUserStatus', 0);
    const puts = jest.spyOn(v.emulator.api, 'putUserStatus');
    await v.advance(120_000);
    expect(statusName('rep-a')).toBe('Offline');
    // Set once: the change it causes is newer than the presence, so later heart beats leave it.
    await v.advance(600_000);
    expect(statusName('rep-a')).toBe('Offline');
    expect(puts).toHaveBeenCalledTimes(1);
  });

  it('a status the agent chose in the softphone after the router changed last is kept at heart beats', async () => {
    v = await voiceCenter({ heartBeats: true });
    v.instance.addAgentStatus('Break', 'CUSTOM');
    await v.ready('rep-a');
    await v.advance(1_000);
    people.chooseStatus(v.instance, v.users['rep-a']!.id, 'Break');
    await v.advance(600_000);
    expect(statusName('rep-a')).toBe('Break');
    expect((await v.rep('rep-a')).voiceBlock).toBe('notRoutable');
    // The router's next change is the newer one again: Connect follows it.
    await v.router.changeStatus({ repId: 'rep-a', statusId: 'digital' });
    await v.advance(0);
    expect(statusName('rep-a')).toBe('Offline');
  });
});
