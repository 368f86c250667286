import { assertJava } from '../../../lambdas/adapters/local/dynamodb-local';

describe('DynamoDB Local launcher', () => {
  it('says how to install Java when `java` is missing', () => {
    expect(() => assertJava({ PATH: '/nonexistent' })).toThrow(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on PATH.\n' +
        'Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
    );
  });

  it('passes when java is on PATH', () => {
    expect(() => assertJava()).not.toThrow();
  });
});
