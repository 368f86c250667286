import type { ContactCenterJson } from '../../lambdas/domain/config/schema';
import { smallCenter } from '../fixtures/small-center';
import { liveCenter } from '../support/live-center';

/** The small center with a second group, so a rep can be moved. */
const base = (): ContactCenterJson => {
  const c = smallCenter();
  return { ...c, groups: [...c.groups!, { id: 'g2', name: 'Group 2', presenceConfig: 'std' }] };
};
const withoutQueue = (c: ContactCenterJson, queueId: string): ContactCenterJson => ({
  ...c,
  queues: c.queues!.filter((q) => q.id !== queueId),
  reps: c.reps!.map((r) => ({ ...r, queues: r.queues?.filter((q) => q !== queueId) })),
});
const withoutRep = (c: ContactCenterJson, repId: string) => ({ ...c, reps: c.reps!.filter((r) => r.id !== repId) });
const moved = (c: ContactCenterJson, repId: string, group: string) => ({
  ...c,
  reps: c.reps!.map((r) => (r.id === repId ? { ...r, group } : r)),
});

const center = () => liveCenter(base());

describe('a configuration change never strands live work (semantics §2)', () => {
  it('removes a queue with no work in it, once routers have settled on the change', async () => {
    const { load, settled, queues } = await center();
    await load(withoutQueue(base(), 'case-q'));
    expect(await queues()).toEqual(['voice-q', 'chat-q']);
    expect(settled.times).toBe(1);
  });

  it('stores a change that removes nothing at once, without waiting', async () => {
    const { load, settled, configs } = await center();
    await load({ ...base(), name: 'renamed' });
    expect((await configs.loadConfig())!.name).toBe('renamed');
    expect(settled.times).toBe(0);
  });

  it('refuses to remove a queue whose work waits, naming it, and stores nothing', async () => {
    const { h, load, settled, queues } = await center();
    await h.router.submitWork({ channel: 'case', source: 'crm-1', queue: 'case-q' });
    await expect(load(withoutQueue(base(), 'case-q'))).rejects.toThrow(
      "queues: 'case-q' is removed while work waits in it; answer or move that work first",
    );
    expect(await queues()).toEqual(['voice-q', 'chat-q', 'case-q']);
    expect(settled.times).toBe(0);
  });

  it('refuses to remove a queue whose item a rep holds, naming the rep and the item', async () => {
    const { h, load, queues } = await center();
    await h.router.logIn({ repId: 'rep-a' });
    const { decision } = await h.router.submitWork({ channel: 'case', source: 'crm-2', queue: 'case-q' });
    expect(decision.routing?.kind).toBe('offered');
    await expect(load(withoutQueue(base(), 'case-q'))).rejects.toThrow(
      `queues: 'case-q' is removed while rep 'rep-a' holds its item '${decision.itemId}'`,
    );
    expect(await queues()).toContain('case-q');
  });

  it('refuses to remove or move a rep who is logged in, and allows it once they log out', async () => {
    const { h, load, configs } = await center();
    await h.router.logIn({ repId: 'rep-b' });
    await expect(load(withoutRep(base(), 'rep-b'))).rejects.toThrow(
      "reps: 'rep-b' is removed while logged in; log them out first",
    );
    await expect(load(moved(base(), 'rep-b', 'g2'))).rejects.toThrow(
      "reps: 'rep-b' moves from group 'g1' to 'g2' while logged in; log them out first",
    );
    await h.router.logOut({ repId: 'rep-b' });
    await load(moved(base(), 'rep-b', 'g2'));
    expect((await configs.loadConfig())!.reps.find((r) => r.id === 'rep-b')!.group).toBe('g2');
  });

  it('refuses to remove a rep whose direct work waits for them', async () => {
    const { h, load } = await center();
    await h.router.submitWork({
      channel: 'case',
      source: 'crm-3',
      queue: 'case-q',
      preferredRep: { repId: 'rep-c', required: true },
    });
    await expect(load(withoutRep(base(), 'rep-c'))).rejects.toThrow(
      "reps: 'rep-c' is removed while work waits for them; answer or move that work first",
    );
  });

  it('undoes the change when work arrives for a removed queue while routers take it up', async () => {
    const { h, load, settled, queues } = await center();
    // A router still on the old configuration (read before the change) takes a case for the queue being removed.
    await h.deps.config.get();
    settled.during = async () => {
      await h.router.submitWork({ channel: 'case', source: 'crm-late', queue: 'case-q' });
    };
    await expect(load(withoutQueue(base(), 'case-q'))).rejects.toThrow(
      "queues: 'case-q' is removed while work waits in it; answer or move that work first; " +
        'configuration: work arrived for what it removes while routers took it up; the previous one is back',
    );
    expect(await queues()).toEqual(['voice-q', 'chat-q', 'case-q']);
  });
});
