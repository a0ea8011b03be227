/** The model's assembly (src/site.ts): what the pages read of site.yaml, here its time zone. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig, type SiteConfig } from '../src/config.js';
import { createSite, siteForPages } from '../src/site.js';
import { makeArticle } from './fixtures/factories.js';

const settings = readFileSync(join(import.meta.dirname, 'fixtures/valid/site.yaml'), 'utf8');

function config(text: string): SiteConfig {
  const parsed = parseSiteConfig('content/site.yaml', text);
  if (Array.isArray(parsed)) throw new Error(parsed.map((problem) => problem.message).join('\n'));
  return parsed;
}

describe("the site's time zone", () => {
  it('reaches the pages and the whole model when site.yaml sets it', () => {
    const zoned = config(`${settings}timeZone: America/Montreal\n`);
    expect(siteForPages(zoned).timeZone).toBe('America/Montreal');
    expect(createSite(zoned, [makeArticle()], 0).timeZone).toBe('America/Montreal');
  });

  it('is absent without the setting: each date shows at its own offset', () => {
    expect('timeZone' in siteForPages(config(settings))).toBe(false);
  });
});
