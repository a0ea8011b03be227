/**
 * A site of several languages (`languages` in site.yaml): each language is a view of the model, a `Site` with
 * that language's articles, authors and feeds, rooted at its folder (`en/`, or the site's root for the default
 * language when `defaultLanguageAtRoot`), over which the same renderers run as over a site of one language.
 * Pure; a site of one `language` has no `languages` and is its own only view.
 */
import type { Article, DateTime, Person, Site, SiteLanguage, SiteSettings } from './model.js';
import { FEED_PATHS, lastUpdated } from './model.js';

/** The site's language whose tag is `tag`, case aside; none when the site does not declare it. */
export function languageOf(languages: readonly SiteLanguage[], tag: string): SiteLanguage | undefined {
  const wanted = tag.toLowerCase();
  return languages.find((language) => language.tag.toLowerCase() === wanted);
}

/** The folder of an article in `lang` from the site's root: its language's, or the root's. */
export function languagePath(settings: { languages?: readonly SiteLanguage[] | undefined }, lang: string): string {
  return settings.languages === undefined ? '' : (languageOf(settings.languages, lang)?.path ?? '');
}

/**
 * The declared authors as the pages of the language in `path` link them: an author page the build makes
 * (`authors/<slug>/`, or a folder of the site that the author's `url` names) moves into that folder.
 */
export function authorsIn(authors: ReadonlyMap<string, Person>, siteUrl: string, path: string): Map<string, Person> {
  const moved = new Map<string, Person>();
  for (const [id, person] of authors) {
    const page = person.page;
    const ownPage = page !== undefined && person.url === siteUrl + page;
    moved.set(id, ownPage ? { ...person, url: `${siteUrl}${path}${page}` } : person);
  }
  return moved;
}

const views = new WeakMap<object, Map<string, SiteSettings>>();

/** What the pages of an article in `lang` read of the site: the settings of that language's view. */
export function settingsFor(site: SiteSettings, lang: string): SiteSettings {
  const language = site.languages === undefined ? undefined : languageOf(site.languages, lang);
  if (language === undefined) return site;
  let known = views.get(site);
  if (known === undefined) {
    known = new Map();
    views.set(site, known);
  }
  let view = known.get(language.tag);
  if (view === undefined) {
    view = viewSettings(site, language);
    known.set(language.tag, view);
  }
  return view;
}

function viewSettings<T extends SiteSettings>(site: T, language: SiteLanguage): T {
  const url = site.url + language.path;
  return {
    ...site,
    url,
    language: language.tag,
    authors: [...language.authors.values()],
    feeds: { rss: url + FEED_PATHS.rss, atom: url + FEED_PATHS.atom, json: url + FEED_PATHS.json },
    edition: { path: language.path, root: site.url },
  };
}

const sites = new WeakMap<Site, Site[]>();

/** One view of the site a language, the default first; the site itself when it has one language. */
export function languageSites(site: Site): Site[] {
  if (site.languages === undefined) return [site];
  let known = sites.get(site);
  if (known === undefined) {
    const byLanguage = new Map<string, Article[]>(site.languages.map((language) => [language.tag, []]));
    for (const article of site.articles) {
      byLanguage.get(languageOf(site.languages, article.lang)?.tag ?? '')?.push(article);
    }
    known = site.languages.map((language): Site => {
      const articles = byLanguage.get(language.tag) ?? [];
      // A language with no article yet keeps the site's date: its pages are still written.
      return {
        ...viewSettings(site, language),
        articles,
        updated: articles.length > 0 ? newest(articles) : site.updated,
      };
    });
    sites.set(site, known);
  }
  return known;
}

function newest(articles: readonly Article[]): DateTime {
  return articles.map(lastUpdated).reduce((a, b) => (b.epochMs > a.epochMs ? b : a));
}

/** The files of `render` over each language's view, each put in its language's folder. */
export function* inEachLanguage<F extends { path: string }>(
  site: Site,
  render: (view: Site) => Iterable<F>,
): Generator<F> {
  if (site.languages === undefined) {
    yield* render(site);
    return;
  }
  for (const view of languageSites(site)) {
    const path = view.edition?.path ?? '';
    for (const file of render(view)) yield path === '' ? file : { ...file, path: path + file.path };
  }
}

/** The values of `inputs` over each language's view, for the renderers that run over each. */
export function inputsInEachLanguage(site: Site, inputs: (view: Site) => unknown[]): unknown[] {
  if (site.languages === undefined) return inputs(site);
  return languageSites(site).flatMap((view) => [view.language, ...inputs(view)]);
}
