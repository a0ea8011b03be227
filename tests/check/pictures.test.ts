/**
 * `depeche check`'s picture rules on a built copy of the valid fixture: a narrow image of a record reported at
 * the record's `image` line, an article with no image at all, the publisher's logo under 112 × 112 (once for the
 * site) and a logo whose declared size is not its file's.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { readRecords } from '../../src/check/records.js';
import { checkFiles } from '../../src/check/site.js';
import type { OutputFile } from '../../src/model.js';
import { imageSite, RECORD_FILE } from '../images/site.js';
import { pngHeader } from './images.js';

let root: string;
let files: OutputFile[];
beforeAll(async () => {
  root = imageSite('{ src: "https://images.example/a.jpg", alt: Une photo, width: 800, height: 450 }', {});
  files = (await build({ contentDir: join(root, 'content'), write: false })).files;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lines = (found: ReturnType<typeof checkFiles>): string[] =>
  found.findings.map(
    (finding) => `${finding.file}:${finding.line ?? ''} ${finding.field} [${finding.rule}] ${finding.message}`,
  );

describe('the picture rules of depeche check', () => {
  it("reports a record's narrow image at its image field, an article without one, the small logo once", async () => {
    const records = await readRecords(join(root, 'content'), 'content');
    const imageLine = readFileSync(join(root, 'content', RECORD_FILE), 'utf8')
      .split('\n')
      .indexOf('image: { src: "https://images.example/a.jpg", alt: Une photo, width: 800, height: 450 }');
    // The pages whose JSON-LD names the publisher with its logo (the home page and the articles).
    const pages = files.filter((file) => file.path.endsWith('.html') && String(file.contents).includes('"logo"'));
    expect(lines(checkFiles(files, { folder: 'dist', records }))).toEqual([
      `content/${RECORD_FILE}:${imageLine + 1} image [google-article-image] expected a width of at least 1200 pixels ` +
        'for large previews (Google Discover), found 800 (in articles/tous-les-champs/index.html)',
      expect.stringMatching(
        new RegExp(
          String.raw`^dist/[a-z/-]*index\.html:\d+ \$\['@graph'\]\[1\]\.logo \[google-logo\] expected a logo of ` +
            String.raw`at least 112 × 112 pixels \(Google's Organization logo\), found 600 × 60 in ` +
            String.raw`https://depeche\.example/logo\.png \(and on \d+ other pages\)$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          String.raw`^dist/articles/windows-crlf-bom/index\.html:\d+ \$\['@graph'\]\[0\]\.image ` +
            String.raw`\[google-article-image\] expected an image`,
        ),
      ),
    ]);
    expect(pages.length).toBeGreaterThan(2);
    const logo = checkFiles(files).findings.find((finding) => finding.rule === 'google-logo');
    expect(logo?.message).toContain(`(and on ${pages.length - 1} other pages)`);
    const missing = checkFiles(files).findings.find((finding) => finding.message.startsWith('expected an image'));
    expect(missing?.hint).toBe(
      'give the record an image at least 1200 px wide, in 16:9, 4:3 or 1:1, or site.yaml a default image',
    );
  });

  it('reports a logo whose declared size is not its file’s, and judges it by the file', () => {
    const changed = files.map((file) =>
      file.path === 'logo.png' ? { path: file.path, contents: pngHeader(300, 30) } : file,
    );
    const logo = checkFiles(changed).findings.filter((finding) => /\.logo$/.test(finding.field));
    expect(logo.map((finding) => [finding.rule, finding.message.replace(/ \(and on \d+ other pages\)$/, '')])).toEqual(
      expect.arrayContaining([
        ['image-size', 'declares 600 × 60 pixels, but https://depeche.example/logo.png is 300 × 30'],
        [
          'google-logo',
          "expected a logo of at least 112 × 112 pixels (Google's Organization logo), found 300 × 30 in " +
            'https://depeche.example/logo.png',
        ],
      ]),
    );
    expect(logo).toHaveLength(2);
  });

  it('has nothing to say of a square logo of 112 px or more', async () => {
    const path = join(root, 'content', 'site.yaml');
    const settings = readFileSync(path, 'utf8');
    writeFileSync(path, `${settings.replace(/^ {2}logo: .*\n/m, '')}logo: /carre.png\n`);
    writeFileSync(join(root, 'content', 'public', 'carre.png'), await squarePng());
    try {
      const built = (await build({ contentDir: join(root, 'content'), write: false })).files;
      expect(checkFiles(built).findings.filter((finding) => /logo/.test(finding.field))).toEqual([]);
    } finally {
      writeFileSync(path, settings);
    }
  });
});

async function squarePng(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width: 112, height: 112, channels: 3, background: '#a3161b' } })
    .png()
    .toBuffer();
}
