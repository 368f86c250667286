import type { Arrival } from '../scenario';

/** What the inbound flow passes the hand-off for an arrival: its queue, priority, preferred rep and skills. */
export function inboundParameters(a: Pick<Arrival, 'queue' | 'priority' | 'preferredRep' | 'skills'>) {
  const parameters: Record<string, string> = { queue: a.queue };
  if (a.priority !== undefined) parameters.priority = String(a.priority);
  if (a.preferredRep) parameters.preferredRep = a.preferredRep.repId;
  if (a.skills?.length)
    parameters.skills = a.skills
      .map((s) => `${s.skill}:${s.minLevel}${s.dropAfterSeconds !== undefined ? `~${s.dropAfterSeconds}` : ''}`)
      .join(',');
  return parameters;
}

/** Customers who asked for a callback: each has a number, and answers its dials as their arrival says. */
export class CallbackDials {
  private readonly callbacks = new Map<string, NonNullable<Arrival['callback']>>();
  private dials = 0;

  constructor(private readonly random: () => number) {}

  number(callback: NonNullable<Arrival['callback']>): string {
    const phone = `+1555${String(++this.dials).padStart(7, '0')}`;
    this.callbacks.set(phone, callback);
    return phone;
  }

  answer(phone: string): 'answer' | 'noAnswer' | 'busy' {
    const c = this.callbacks.get(phone);
    if (!c) return 'answer';
    const roll = this.random();
    return roll < c.answerProbability ? 'answer' : roll < c.answerProbability + c.busyProbability ? 'busy' : 'noAnswer';
  }
}
