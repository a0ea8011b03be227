import { describe, expect, it } from 'vitest';
import { injectClient } from '../../src/dev/client.js';
import { mediaType } from '../../src/dev/media-types.js';

describe('injectClient', () => {
  it('adds one script tag before the last </body>, with the page path and version escaped', () => {
    const page = '<!doctype html><body><p>&lt;/body&gt;</p></body></html>\n';
    expect(injectClient(page, 'a/"b"/index.html', 'v.1')).toBe(
      '<!doctype html><body><p>&lt;/body&gt;</p><script src="/__depeche/client.js" ' +
        'data-path="a/&quot;b&quot;/index.html" data-version="v.1" defer></script>\n</body></html>\n',
    );
  });

  it('appends it to a document without </body>', () => {
    expect(injectClient('<p>x</p>', '*', 'v.0')).toBe(
      '<p>x</p><script src="/__depeche/client.js" data-path="*" data-version="v.0" defer></script>\n',
    );
  });
});

describe('mediaType', () => {
  it('names the feeds by their file and the rest by extension, text with charset=utf-8', () => {
    expect(mediaType('feed.xml')).toBe('application/rss+xml; charset=utf-8');
    expect(mediaType('atom.xml')).toBe('application/atom+xml; charset=utf-8');
    expect(mediaType('feed.json')).toBe('application/feed+json; charset=utf-8');
    expect(mediaType('sitemap-2.xml')).toBe('application/xml; charset=utf-8');
    expect(mediaType('articles/feed.xml')).toBe('application/xml; charset=utf-8');
    expect(mediaType('articles/x/index.jsonld')).toBe('application/ld+json; charset=utf-8');
    expect(mediaType('images/A.JPG')).toBe('image/jpeg');
    expect(mediaType('LICENSE')).toBe('application/octet-stream');
  });
});
