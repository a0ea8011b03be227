/**
 * Python's feedparser (Debian's python3-feedparser, what many readers and scripts use) reads the
 * RSS and Atom feeds; it must find no error (bozo) and the same fields in both. (Debian's 6.0.10
 * does not read JSON Feed; its support came in a later release.)
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWithFeedparser } from './feedparser.js';
import { buildSeed } from './seed-site.js';

const SCRIPT =
  `
import feedparser, json, sys
result = feedparser.parse(sys.argv[1])
entry = result.entries[0]
print(json.dumps({
  "bozo": bool(result.bozo), "bozo_exception": str(result.get("bozo_exception", "")),
  "version": result.version, "title": result.feed.get("title"), "language": result.feed.get("language"),
  "entries": len(result.entries), "entry_title": entry.get("title"), "link": entry.get("link"), "id": entry.get("id"),
  "summary": entry.get("summary"), "published": entry.get("published_parsed")[:6], ` +
  `"tags": [t.term for t in entry.get("tags", [])],
  "author": entry.get("author"), "content": entry.get("content", [{}])[0].get("value", "")[:60],
}, ensure_ascii=False))
`;

interface Parsed {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  title: string;
  language: string | null;
  entries: number;
  entry_title: string;
  link: string;
  id: string;
  summary: string;
  published: number[];
  tags: string[];
  author: string;
  content: string;
}

let out: string;
beforeAll(async () => {
  out = await buildSeed();
});

function parse(file: string): Parsed {
  return readWithFeedparser<Parsed>(SCRIPT, join(out, file));
}

describe('feedparser', () => {
  it.each([
    ['feed.xml', 'rss20'],
    ['atom.xml', 'atom10'],
  ])('reads %s as %s without error, with the same fields', (file, version) => {
    const parsed = parse(file);
    expect(parsed.bozo_exception).toBe('');
    expect(parsed.bozo).toBe(false);
    expect(parsed.version).toBe(version);
    expect(parsed.title).toBe('Dépêche');
    expect(parsed.entries).toBe(1);
    expect(parsed.entry_title).toBe(
      'Le partenariat entre Microsoft et Mistral AI agace Bruxelles mais ravit le gouvernement',
    );
    expect(parsed.link).toBe(
      'https://depeche.example/articles/' +
        'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement/',
    );
    expect(parsed.id).toBe(parsed.link);
    expect(parsed.summary).toBe(
      'Le rapprochement de la jeune pousse française et du géant américain a provoqué un tollé à Bruxelles.',
    );
    expect(parsed.published).toEqual([2024, 2, 28, 8, 0, 0]);
    expect(parsed.tags).toEqual(['Intelligence artificielle', 'Mistral AI', 'Microsoft', 'AI Act', 'Union européenne']);
    expect(parsed.author).toBe('Dépêche');
    expect(parsed.content).toContain('Le rapprochement de la jeune pousse');
  });
});
