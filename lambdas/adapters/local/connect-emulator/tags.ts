import type { ListTagsForResourceResponse } from '@aws-sdk/client-connect';
import { type ConnectInstance, invalid, notFound } from './instance';

/** Resource tags (TagResource, UntagResource, ListTagsForResource) on the instance's users, queues and profiles. */
export class EmulatedTags {
  private readonly byArn = new Map<string, Record<string, string>>();

  constructor(private readonly instance: ConnectInstance) {}

  private checkArn(arn: string): void {
    const i = this.instance;
    const known = [...i.users.values(), ...i.queues.values(), ...i.profiles.values()].some((r) => r.arn === arn);
    if (!known) throw notFound(`resource ${arn}`);
  }

  tagResource(arn: string, body: { tags?: Record<string, string> }) {
    this.checkArn(arn);
    if (!body.tags || Object.keys(body.tags).length === 0) throw invalid('tags must not be empty');
    this.byArn.set(arn, { ...this.byArn.get(arn), ...body.tags });
    return {};
  }

  untagResource(arn: string, keys: string[]) {
    this.checkArn(arn);
    if (keys.length === 0) throw invalid('tagKeys must not be empty');
    const tags = { ...this.byArn.get(arn) };
    for (const key of keys) delete tags[key];
    this.byArn.set(arn, tags);
    return {};
  }

  listTagsForResource(arn: string): ListTagsForResourceResponse {
    this.checkArn(arn);
    return { tags: { ...this.byArn.get(arn) } };
  }
}
