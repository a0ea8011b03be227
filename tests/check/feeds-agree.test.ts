/** Comparing the feeds: the odd one out is named; instants compare to the second. */
import { describe, expect, it } from 'vitest';
import { compareFeeds, type FeedItem, type FeedItems } from '../../src/check/feeds-agree.js';

const item = (file: string, overrides: Partial<FeedItem> = {}): FeedItem => ({
  id: 'urn:a',
  title: 'Un titre',
  url: 'https://depeche.example/a/',
  published: Date.parse('2024-02-28T08:00:00Z'),
  place: { file, field: 'item' },
  ...overrides,
});
const feed = (shown: string, format: string, items: FeedItem[]): FeedItems => ({ shown, format, items });

describe('compareFeeds', () => {
  it('accepts feeds that agree, ignoring white space in titles and milliseconds in dates', () => {
    expect(
      compareFeeds([
        feed('feed.xml', 'RSS', [item('feed.xml', { title: 'Un  titre\n' })]),
        feed('atom.xml', 'Atom', [item('atom.xml', { published: Date.parse('2024-02-28T08:00:00.500Z') })]),
        feed('feed.json', 'JSON Feed', [item('feed.json')]),
      ]),
    ).toEqual([]);
  });

  it('names the feed that differs from the two others', () => {
    const found = compareFeeds([
      feed('feed.xml', 'RSS', [item('feed.xml')]),
      feed('atom.xml', 'Atom', [
        item('atom.xml', { url: 'https://depeche.example/b/', published: Date.parse('2024-02-28T09:00:00Z') }),
      ]),
      feed('feed.json', 'JSON Feed', [item('feed.json')]),
    ]);
    expect(found.map((finding) => `${finding.file}: ${finding.message}`)).toEqual([
      'atom.xml: item "urn:a": link "https://depeche.example/b/" differs from feed.xml and feed.json ' +
        '("https://depeche.example/a/")',
      'atom.xml: item "urn:a": publication date 2024-02-28T09:00:00.000Z differs from feed.xml and feed.json ' +
        '(2024-02-28T08:00:00.000Z)',
    ]);
  });

  it('with no majority, compares with the first feed; an item missing from a feed is named', () => {
    const found = compareFeeds([
      feed('feed.xml', 'RSS', [item('feed.xml', { title: 'A' }), item('feed.xml', { id: 'urn:b' })]),
      feed('atom.xml', 'Atom', [item('atom.xml', { title: 'B' })]),
      feed('feed.json', 'JSON Feed', [item('feed.json', { title: 'C' })]),
    ]);
    expect(found.map((finding) => `${finding.file}: ${finding.message}`)).toEqual([
      'atom.xml: item "urn:a": title "B" differs from feed.xml ("A")',
      'feed.json: item "urn:a": title "C" differs from feed.xml ("A")',
      'atom.xml: item "urn:b" is in feed.xml but not in atom.xml',
      'feed.json: item "urn:b" is in feed.xml but not in feed.json',
    ]);
  });

  it("leaves titles that differ only by control characters to each feed's control-characters warning", () => {
    expect(
      compareFeeds([
        feed('feed.xml', 'RSS', [item('feed.xml')]),
        feed('atom.xml', 'Atom', [item('atom.xml')]),
        feed('feed.json', 'JSON Feed', [item('feed.json', { title: 'Un\u0001 titre\u0085' })]),
      ]),
    ).toEqual([]);
  });
});
