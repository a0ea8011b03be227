/**
 * Debian's validators on what we write: jing (RELAX NG, Java) and xmllint (libxml2) on Atom, and
 * xmllint's well-formedness check on every XML output.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, root } from './seed-site.js';

const schemas = join(root, 'src/vocabulary/data/schemas');
let out: string;
beforeAll(async () => {
  out = await buildSeed();
});

describe('Debian validators', () => {
  it('jing finds atom.xml valid against the RFC 4287 compact schema', () => {
    const result = execFileSync('jing', ['-c', join(schemas, 'atom-rfc4287.rnc'), join(out, 'atom.xml')], {
      encoding: 'utf8',
    });
    expect(result).toBe('');
  });

  it('xmllint finds atom.xml valid against the RELAX NG schema', () => {
    execFileSync('xmllint', ['--noout', '--relaxng', join(schemas, 'atom-rfc4287.rng'), join(out, 'atom.xml')], {
      stdio: 'pipe',
    });
  });

  it.each(['feed.xml', 'atom.xml', 'sitemap.xml', 'sitemap-1.xml', 'news-sitemap.xml'])(
    'xmllint finds %s well formed',
    (file) => {
      const result = execFileSync('xmllint', ['--noout', '--nonet', join(out, file)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(result).toBe('');
    },
  );
});
