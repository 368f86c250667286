/**
 * The pages' URI rules, as CloudFront runs them (a viewer-request CloudFront Function, cloudfront-js-2.0): a
 * default root object applies only at `/` (DefaultRootObject page), so `/command-center/` would ask the bucket for a
 * key that does not exist (a 403). A path ending in `/` gets its `index.html`; a path with no extension (a folder
 * typed without its slash) is redirected to the folder, so the page's relative URLs (`app.js`) resolve inside it
 * (sign-in returns to the folder's own URL, so no query string needs carrying). The unit test runs this very text.
 */
export const PAGE_URI_RULES = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
    return request;
  }
  if (uri.substring(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: uri + '/' } } };
  }
  return request;
}`;
