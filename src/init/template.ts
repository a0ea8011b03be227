/**
 * The files of a new site (`depeche init`): a commented `site.yaml`, one example article, a
 * placeholder logo in `public/`, a `.gitignore`, a README of its own and a `package.json` that runs
 * depeche. Pure: what depeche is installed as and "now" in, the files out.
 */
import { formatLocalDateTime, type LocalTime } from '../new/record.js';
import { solidPng } from './png.js';

export interface NewSite {
  /** How the new site's `package.json` names depeche: a version range, or `file:` the folder it runs from. */
  depeche: string;
  now: LocalTime;
}

/** The logo's side, in pixels: the smallest square Google takes for an organisation's logo. */
const LOGO_SIDE = 112;
/** The example article's image: large enough for its 16:9, 4:3 and 1:1 crops at 1,200 px wide (docs/records.md). */
const IMAGE = { width: 1600, height: 1200 } as const;

const SITE_YAML = `# The site's settings: every one is described in depeche's docs/records.md.
# The public address of the site, where dist/ will be served; every URL of the feeds starts with it.
url: https://news.example.org/
title: Ma rédaction
# One sentence: the home page's standfirst and the feeds' description.
description: L’actualité de notre ville, chaque jour.
# A BCP 47 tag (fr, fr-CA, en-GB); every article defaults to it.
language: fr
# The newsroom's IANA time zone: depeche new and depeche import date records at its offset (default: this machine's).
# timeZone: Europe/Paris
# Who publishes: the NewsMediaOrganization of the JSON-LD. The logo is a file of content/public/,
# at least 112 × 112 px; replace the placeholder with your own and give its size.
publisher:
  name: Ma rédaction
  url: https://news.example.org/
  logo:
    src: /logo.png
    width: ${LOGO_SIDE}
    height: ${LOGO_SIDE}
# People, by an id that records name in their authors list; an article that names none is the publisher's.
# Give each a url (a page about them) or sameAs (their profiles elsewhere): Google tells authors apart by them.
authors: {}
#  camille:
#    name: Camille Dupont
#    url: https://news.example.org/equipe/camille-dupont/
#    sameAs: [https://www.wikidata.org/wiki/Q…]
feed:
  # How many of the newest articles the feeds carry.
  limit: 50
`;

function exampleArticle(now: LocalTime): string {
  return `---
title: Bienvenue dans votre nouveau site
# The standfirst: shown under the title, and the feeds' summary.
description: Ce premier article montre les champs d’un article ; remplacez-le par le vôtre.
datePublished: ${formatLocalDateTime(now)}
# authors: [camille] (ids declared in site.yaml); without authors, the article is the publisher's.
section: Vie du site
tags: [depeche]
# A file of content/public/, at least 1,200 × 1,200 px: the build makes its 16:9, 4:3 and 1:1 crops and widths.
image:
  src: /images/bienvenue.png
  alt: Un aplat bleu, en attendant la première photo de la rédaction
  width: ${IMAGE.width}
  height: ${IMAGE.height}
# Each source as a typed work: NewsArticle, Report, Legislation, WebPage…
citations:
  - type: WebPage
    name: Spécification RSS 2.0
    url: https://www.rssboard.org/rss-specification
---
Un article est un fichier Markdown de \`content/articles/\`, précédé de ses champs entre deux
lignes \`---\`. Son nom donne l’adresse de sa page : \`bienvenue.md\` devient \`/articles/bienvenue/\`.

Écrivez \`npx depeche new "Titre"\` pour en commencer un autre, \`npx depeche dev\` pour voir le site
pendant que vous écrivez, puis \`npx depeche build\` : le site complet est dans \`dist/\`.
`;
}

const GITIGNORE = `# What depeche builds, and the state it keeps beside it: both are made again by a build.
dist/
.depeche/
node_modules/
`;

const README = `# A news site built with depeche

The articles are Markdown records in \`content/articles/\`; the settings are in \`content/site.yaml\`;
files of \`content/public/\` (the logo, images) are copied as they are.

\`\`\`sh
npx depeche dev            # serve the site on http://localhost:4321/, rebuilt as you write
npx depeche new "Titre"    # start an article, marked draft: true
npx depeche build          # build the site into dist/: pages, RSS, Atom, JSON Feed, sitemaps
npx depeche check          # check dist/ as feed readers and search engines read it
\`\`\`

Deploy \`dist/\` to any static host. Set \`url\` in \`content/site.yaml\` to the address it is served at.
`;

/** Every file of the new site, by path relative to its folder. */
export function newSiteFiles(site: NewSite): Map<string, string | Uint8Array> {
  const packageJson = {
    private: true,
    type: 'module',
    scripts: { build: 'depeche build', dev: 'depeche dev', check: 'depeche check', new: 'depeche new' },
    devDependencies: { depeche: site.depeche },
  };
  return new Map<string, string | Uint8Array>([
    ['content/site.yaml', SITE_YAML],
    ['content/articles/bienvenue.md', exampleArticle(site.now)],
    // A mid blue square, until the newsroom's own logo replaces it.
    ['content/public/logo.png', solidPng(LOGO_SIDE, LOGO_SIDE, [31, 78, 121])],
    ['content/public/images/bienvenue.png', solidPng(IMAGE.width, IMAGE.height, [120, 160, 200])],
    ['.gitignore', GITIGNORE],
    ['README.md', README],
    ['package.json', `${JSON.stringify(packageJson, null, 2)}\n`],
  ]);
}
