/** `depeche build` in memory: the summary, --json, --quiet, colours, drafts, and problems. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { depeche, scratchWithSeed } from './fake-io.js';

let scratch: { dir: string; remove: () => void };
beforeEach(() => {
  scratch = scratchWithSeed();
});
afterEach(() => scratch.remove());

const DRAFT = '---\ntitle: Brouillon\ndescription: ""\ndatePublished: 2024-02-27T09:00:00+01:00\ndraft: true\n---\n';

describe('depeche build', () => {
  it('ends with a summary: articles, files, size, time, feeds', async () => {
    const result = await depeche(['build'], { cwd: scratch.dir });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(
      new RegExp(
        String.raw`^depeche: built 1 article into dist\/ in \d+\.\d\d s\n {2}\d+ files, ` +
          String.raw`\d+\.\d+ kB\n {2}feeds: dist\/feed\.xml, dist\/atom\.xml, dist` +
          String.raw`\/feed\.json\n$`,
      ),
    );
  });

  it('prints the summary as JSON with --json, and nothing else', async () => {
    const result = await depeche(['build', '--json', '--out', 'public_html'], { cwd: scratch.dir });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      command: 'build',
      ok: true,
      problems: [],
      summary: {
        outDir: 'public_html',
        articles: 1,
        files: expect.any(Number),
        bytes: expect.any(Number),
        feeds: ['feed.xml', 'atom.xml', 'feed.json'],
        drafts: [],
        scheduled: [],
        nextDue: null,
      },
    });
    expect(readFileSync(join(scratch.dir, 'public_html/feed.json'), 'utf8')).toContain(
      '"version": "https://jsonfeed.org/version/1.1"',
    );
  });

  it('writes no robots.txt for a site under a path, and says once what the host root one needs', async () => {
    const settings = join(scratch.dir, 'content/site.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace(/^url: .*$/m, 'url: https://news.example.org/actu/'),
    );
    const line =
      readFileSync(settings, 'utf8')
        .split('\n')
        .findIndex((text) => text.startsWith('url:')) + 1;
    const result = await depeche(['build', '--quiet'], { cwd: scratch.dir });
    expect(result).toMatchObject({ status: 0, stdout: '' });
    // Named from the working directory the command runs in.
    expect(result.stderr).toBe(
      `content/site.yaml:${line} url: the site is not at its host's root, so no robots.txt is written ` +
        '(crawlers read it at the root only) (add "Sitemap: https://news.example.org/actu/sitemap.xml" ' +
        'to the robots.txt at https://news.example.org/robots.txt)\n',
    );
    expect(existsSync(join(scratch.dir, 'dist/robots.txt'))).toBe(false);
    expect(existsSync(join(scratch.dir, 'dist/sitemap.xml'))).toBe(true);
    const json = JSON.parse((await depeche(['build', '--json'], { cwd: scratch.dir })).stdout) as {
      warnings: Record<string, unknown>[];
    };
    expect(json.warnings).toEqual([expect.objectContaining({ file: 'content/site.yaml', line, field: 'url' })]);
    const atRoot = await depeche(['build', '--json', '--base-url', 'https://news.example.org/'], { cwd: scratch.dir });
    expect(JSON.parse(atRoot.stdout)).toMatchObject({ ok: true, warnings: [] });
    expect(existsSync(join(scratch.dir, 'dist/robots.txt'))).toBe(true);
  });

  it('prints the problems as JSON with --json, and exits 1', async () => {
    writeFileSync(
      join(scratch.dir, 'content/articles/bad.md'),
      '---\ntitle: T\ndescription: D\ndatePublished: 2024-02-28\n---\n',
    );
    const result = await depeche(['build', '--json'], { cwd: scratch.dir });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      summary: unknown;
      problems: Array<Record<string, unknown>>;
    };
    expect(report.ok).toBe(false);
    expect(report.summary).toBeNull();
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 4,
        field: 'datePublished',
        file: expect.stringMatching(/content\/articles\/bad\.md$/),
      }),
    ]);
  });

  it('is silent with --quiet on success, and still lists the problems on failure', async () => {
    expect(await depeche(['build', '--quiet'], { cwd: scratch.dir })).toEqual({ status: 0, stdout: '', stderr: '' });
    writeFileSync(
      join(scratch.dir, 'content/articles/bad.md'),
      '---\ntitle: T\ndescription: D\ndatePublished: 2024-02-28\n---\n',
    );
    const failed = await depeche(['build', '-q'], { cwd: scratch.dir });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/bad\.md:4 datePublished: expected an ISO 8601 date-time/);
    expect(failed.stderr).toMatch(/depeche: 1 problem in 1 file; dist\/ was left as it was\n$/);
  });

  it('exits 1 when the logo of site.yaml is not in public/, naming the setting, its line and the path', async () => {
    rmSync(join(scratch.dir, 'content/public/logo.png'));
    const line =
      readFileSync(join(scratch.dir, 'content/site.yaml'), 'utf8')
        .split('\n')
        .findIndex((text) => text === 'logo: logo.png') + 1;
    const failed = await depeche(['build'], { cwd: scratch.dir });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe('');
    // The public folder is shown as the settings file is: from the working directory.
    expect(failed.stderr).toContain(
      `content/site.yaml:${line} logo: expected an image file content/public/logo.png (JPEG, PNG, WebP, AVIF, GIF, ` +
        'TIFF, or an SVG for the favicon), found none\n',
    );
    expect(existsSync(join(scratch.dir, 'dist'))).toBe(false);
  });

  it('exits 1 on a deploy.root that is neither host nor site, and on a deploy that is not a mapping', async () => {
    const settings = join(scratch.dir, 'content/site.yaml');
    const original = readFileSync(settings, 'utf8');
    const lines = original.split('\n').length;
    writeFileSync(settings, `${original.trimEnd()}\ndeploy:\n  root: proxy\n`);
    const wrong = await depeche(['build'], { cwd: scratch.dir });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`content/site.yaml:${lines + 1} deploy.root: expected "host" or "site"`);
    writeFileSync(settings, `${original.trimEnd()}\ndeploy: site\n`);
    const flat = await depeche(['build'], { cwd: scratch.dir });
    expect(flat.status).toBe(1);
    expect(flat.stderr).toContain(`content/site.yaml:${lines} deploy: expected a mapping with root`);
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const tty = await depeche(['build'], { cwd: scratch.dir, tty: true });
    expect(tty.stdout).toContain('\x1b[32mbuilt\x1b[39m');
    const noColor = await depeche(['build'], { cwd: scratch.dir, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\x1b[');
    expect((await depeche(['build'], { cwd: scratch.dir })).stdout).not.toContain('\x1b[');
  });

  it('leaves drafts out unless --drafts, and says so', async () => {
    writeFileSync(join(scratch.dir, 'content/articles/brouillon.md'), DRAFT);
    const without = await depeche(['build'], { cwd: scratch.dir });
    expect(without.status).toBe(0);
    expect(without.stdout).toContain('built 1 article');
    expect(without.stdout).toContain('  1 draft left out (--drafts to include)\n');
    // The draft's description is still empty: with --drafts it is validated like any record.
    const withDrafts = await depeche(['build', '--drafts'], { cwd: scratch.dir });
    expect(withDrafts.status).toBe(1);
    expect(withDrafts.stderr).toMatch(/brouillon\.md:3 description: expected a non-empty string/);
    writeFileSync(
      join(scratch.dir, 'content/articles/brouillon.md'),
      DRAFT.replace('description: ""', 'description: Un chapeau.'),
    );
    expect((await depeche(['build', '--drafts'], { cwd: scratch.dir })).stdout).toContain('built 2 articles');
  });

  it('leaves the records dated after now out unless --future, and says when the next is due', async () => {
    // The fake clock's now is 2024-02-28T08:00:00Z.
    const scheduled = (day: string) =>
      `---\ntitle: Plus tard\ndescription: Un chapeau.\ndatePublished: 2024-03-${day}T09:00:00+01:00\n---\n`;
    writeFileSync(join(scratch.dir, 'content/articles/plus-tard.md'), scheduled('05'));
    writeFileSync(join(scratch.dir, 'content/articles/bientot.md'), scheduled('01').replace('Plus tard', 'Bientôt'));
    const without = await depeche(['build'], { cwd: scratch.dir });
    expect(without.status).toBe(0);
    expect(without.stdout).toContain('built 1 article');
    expect(without.stdout).toContain(
      '  2 articles scheduled, the next due 2024-03-01T09:00:00+01:00 (build again then; --future to include)\n',
    );
    const json = JSON.parse((await depeche(['build', '--json'], { cwd: scratch.dir })).stdout) as {
      summary: { scheduled: unknown; nextDue: unknown };
    };
    expect(json.summary.nextDue).toBe('2024-03-01T09:00:00+01:00');
    expect(json.summary.scheduled).toEqual([
      { file: expect.stringMatching(/bientot\.md$/), datePublished: '2024-03-01T09:00:00+01:00' },
      { file: expect.stringMatching(/plus-tard\.md$/), datePublished: '2024-03-05T09:00:00+01:00' },
    ]);
    const future = await depeche(['build', '--future'], { cwd: scratch.dir });
    expect(future.stdout).toContain('built 3 articles');
    expect(future.stdout).not.toContain('scheduled');
    // A later clock (src/cli.ts sets it from SOURCE_DATE_EPOCH) publishes the first.
    const later = await depeche(['build'], { cwd: scratch.dir, now: Date.parse('2024-03-02T00:00:00Z') });
    expect(later.stdout).toContain('built 2 articles');
    expect(later.stdout).toContain('  1 article scheduled, the next due 2024-03-05T09:00:00+01:00');
  });

  it('refuses a site of drafts only', async () => {
    const seed = join(
      scratch.dir,
      'content/articles/le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement.md',
    );
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('\n---\n', '\ndraft: true\n---\n'));
    const result = await depeche(['build'], { cwd: scratch.dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'expected at least one article that is not a draft, found only drafts (build them with --drafts)',
    );
  });
});
