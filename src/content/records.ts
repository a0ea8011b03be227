/**
 * Source files → validated Articles, with every problem of every record. Checks that span records
 * (two articles with one slug or one id) run here, after each record has been checked alone.
 */
import type { SiteConfig } from '../config.js';
import type { Problem } from '../errors.js';
import type { Article } from '../model.js';
import { articleSchema, SLUG } from './article-schema.js';
import { parseFrontMatter } from './frontmatter.js';
import type { SourceFile } from './load.js';
import { resolveArticle } from './resolve.js';
import { validateYaml } from './validate.js';
import { offsetOf } from './yaml-position.js';

export function readArticles(config: SiteConfig, sources: readonly SourceFile[]): { articles: Article[]; problems: Problem[] } {
  const schema = articleSchema(new Set(config.authors.keys()));
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const bySlug = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const source of sources) {
    const frontMatter = parseFrontMatter(source.file, source.text);
    if (Array.isArray(frontMatter)) {
      problems.push(...frontMatter);
      continue;
    }
    const result = validateYaml(source.file, frontMatter, schema);
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    const defaultSlug = source.name.slice(0, -'.md'.length);
    const lineOf = (field: string): number => frontMatter.lineAt(offsetOf(frontMatter.document, [field]));
    if (result.value.slug === undefined && !SLUG.test(defaultSlug)) {
      problems.push({
        file: source.file,
        line: 1,
        field: 'slug',
        message: `expected a file name of lowercase letters, digits and single hyphens, or a slug field, found ${JSON.stringify(defaultSlug)}`,
      });
      continue;
    }
    const article = resolveArticle(config, source.file, defaultSlug, result.value, frontMatter.body);
    const slugOwner = bySlug.get(article.slug);
    if (slugOwner !== undefined) {
      problems.push({ file: source.file, line: lineOf('slug'), field: 'slug', message: `expected a slug no other article has, found ${JSON.stringify(article.slug)}, already used by ${slugOwner}` });
    }
    const idOwner = byId.get(article.id);
    // An id derived from a duplicate slug is the same problem, already reported.
    if (idOwner !== undefined && slugOwner === undefined) {
      problems.push({ file: source.file, line: lineOf('id'), field: 'id', message: `expected an id no other article has, found ${JSON.stringify(article.id)}, already used by ${idOwner}` });
    }
    bySlug.set(article.slug, source.file);
    byId.set(article.id, source.file);
    articles.push(article);
  }
  return { articles, problems };
}
