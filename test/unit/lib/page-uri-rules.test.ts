import { PAGE_URI_RULES } from '../../../lib/constructs/page-uri-rules';

/** The deployed function's own text, run as CloudFront runs it: one viewer request in, a request or a response out. */
type Out = { uri?: string; statusCode?: number; headers?: { location: { value: string } } };
const handler = new Function(`${PAGE_URI_RULES}; return handler;`)() as (e: unknown) => Out;
const run = (uri: string) => handler({ request: { uri, querystring: {}, headers: {} } });

describe('the pages behind CloudFront: folder URLs find their index.html', () => {
  it('serves a folder URL, the Command Center (the sign-in callback) among them, from its index.html', () => {
    expect(run('/command-center/').uri).toBe('/command-center/index.html');
    expect(run('/').uri).toBe('/index.html');
  });

  it('redirects a folder typed without its slash, so the page finds its app.js and config.json', () => {
    expect(run('/command-center')).toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: '/command-center/' } },
    });
  });

  it('leaves files as they are', () => {
    for (const uri of ['/app.js', '/command-center/app.js', '/config.json', '/connect-streams.js'])
      expect(run(uri).uri).toBe(uri);
  });
});
