import { App, type AppProps } from 'aws-cdk-lib';

/**
 * A CDK app for template tests. Lambda bundling is skipped (`aws:cdk:bundling-stacks` empty): the templates are
 * what these tests assert, and bundling every function for every stack they build would take most of their time.
 * Bundling itself is exercised by `cdk synth` and by the bench's bundle sizes.
 */
export const testApp = (props: AppProps = {}) =>
  new App({ ...props, context: { 'aws:cdk:bundling-stacks': [], ...props.context } });
