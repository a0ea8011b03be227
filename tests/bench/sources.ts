/**
 * The things a corpus article refers to: typed citations with plausible publishers and URLs,
 * entities (mentions, about), tags, sections. Pure functions of a `Random`.
 */
import { formatParis, formatParisDate } from './dates.js';
import { CITIES, headline, NBSP, nounPhrase, personName, placeName, slugify } from './french.js';
import type { Random } from './prng.js';

export const TAG_POOL = [
  'Intelligence artificielle',
  'Union européenne',
  'Assemblée nationale',
  'Budget',
  'Retraites',
  'Énergie',
  'Nucléaire',
  'Climat',
  'Agriculture',
  'Logement',
  'Transports',
  'SNCF',
  'Santé',
  'Hôpital',
  'Éducation',
  'Université',
  'Justice',
  'Police',
  'Immigration',
  'Élections',
  'Municipales',
  'Européennes',
  'Sénat',
  'Emploi',
  'Chômage',
  'Inflation',
  'Impôts',
  'Numérique',
  'Cybersécurité',
  'Données personnelles',
  'Start-up',
  'Industrie',
  'Automobile',
  'Aéronautique',
  'Banques',
  'Bourse',
  'Médias',
  'Culture',
  'Cinéma',
  'Musique',
  'Football',
  'Rugby',
  'Cyclisme',
  'Jeux olympiques',
  'Météo',
  'Océans',
  'Biodiversité',
  'Eau',
  'Montagne',
  'Tourisme',
  'Commerce',
  'Grande distribution',
  'Syndicats',
  'Grève',
  'Défense',
  'Diplomatie',
  'Ukraine',
  'Afrique',
  'Outre-mer',
  'R&D',
] as const;

export const SECTIONS = [
  'Politique',
  'Économie',
  'International',
  'Société',
  'Culture',
  'Sports',
  'Sciences',
  'Numérique',
  'Environnement',
  'Santé',
];

export const CITATION_TYPES = [
  'NewsArticle',
  'Report',
  'Legislation',
  'ScholarlyArticle',
  'WebPage',
  'Dataset',
] as const;
type CitationType = (typeof CITATION_TYPES)[number];

export type CitationRecord = {
  type: CitationType;
  name: string;
  url: string;
  publisher?: string;
  author?: string;
  datePublished?: string;
  inLanguage?: string;
};

export type EntityRecord = {
  type: string;
  name: string;
  sameAs?: string[];
};

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const digits = (r: Random, count: number): string => Array.from({ length: count }, () => String(r.int(0, 9))).join('');

/** Publisher, host, and a path for a source of each type. */
const SOURCES: Record<
  CitationType,
  readonly (readonly [publisher: string, host: string, path: (r: Random, slug: string, date: string) => string])[]
> = {
  NewsArticle: [
    [
      'Le Monde',
      'www.lemonde.fr',
      (r, slug, date) => `economie/article/${date.replaceAll('-', '/')}/${slug}_${digits(r, 7)}_3234.html`,
    ],
    ['Les Échos', 'www.lesechos.fr', (r, slug) => `politique-societe/${slug}-${digits(r, 7)}`],
    ['Ouest-France', 'www.ouest-france.fr', (r, slug) => `bretagne/${slug}-${digits(r, 8)}.html`],
    ['Reuters', 'www.reuters.com', (_r, slug, date) => `world/europe/${slug}-${date}/`],
    ['L’Usine Digitale', 'www.usine-digitale.fr', (r, slug) => `article/${slug}.N${digits(r, 7)}`],
  ],
  Report: [
    ['Cour des comptes', 'www.ccomptes.fr', (_r, slug) => `fr/publications/${slug}`],
    ['Insee', 'www.insee.fr', (r) => `fr/statistiques/${digits(r, 7)}`],
    ['OCDE', 'www.oecd.org', (_r, slug) => `fr/publications/${slug}.htm`],
    ['France Stratégie', 'www.strategie.gouv.fr', (_r, slug) => `publications/${slug}`],
  ],
  Legislation: [
    ['Légifrance', 'www.legifrance.gouv.fr', (r) => `jorf/id/JORFTEXT0000${digits(r, 8)}`],
    ['Union européenne', 'eur-lex.europa.eu', (r, _slug, date) => `eli/reg/${date.slice(0, 4)}/${r.int(100, 2999)}/oj`],
  ],
  ScholarlyArticle: [
    ['HAL', 'hal.science', (r) => `hal-0${digits(r, 7)}v${r.int(1, 3)}`],
    ['arXiv', 'arxiv.org', (r, _slug, date) => `abs/${date.slice(2, 4)}${date.slice(5, 7)}.${digits(r, 5)}`],
    ['Nature', 'www.nature.com', (r, _slug, date) => `articles/s41586-0${date.slice(2, 4)}-${digits(r, 5)}-x`],
  ],
  WebPage: [
    ['Service-public.fr', 'www.service-public.fr', (r) => `particuliers/vosdroits/F${digits(r, 5)}`],
    ['Gouvernement', 'www.info.gouv.fr', (_r, slug) => `actualite/${slug}`],
    ['Vie publique', 'www.vie-publique.fr', (r, slug) => `en-bref/${digits(r, 6)}-${slug}`],
  ],
  Dataset: [
    ['data.gouv.fr', 'www.data.gouv.fr', (_r, slug) => `fr/datasets/${slug}/`],
    ['Insee', 'www.insee.fr', (r) => `fr/statistiques/fichier/${digits(r, 7)}/base.csv`],
  ],
};

function citationName(r: Random, type: CitationType, epochMs: number): string {
  const date = new Date(epochMs);
  const phrase = nounPhrase(r, 'de', 1);
  switch (type) {
    case 'NewsArticle':
      return headline(r);
    case 'Report':
      return `Rapport sur l’évolution ${phrase}`;
    case 'Legislation':
      return (
        `Loi n°${NBSP}${date.getUTCFullYear()}-${r.int(10, 1500)} ` +
        `du ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()} ` +
        `relative à la protection ${phrase}`
      );
    case 'ScholarlyArticle':
      return `Effets ${phrase} : une analyse sur ${r.int(3, 40)} ans de données`;
    case 'WebPage':
      return `Ce qui change pour la gestion ${phrase}`;
    case 'Dataset':
      return `Base de données de la répartition ${phrase}`;
  }
}

/** A citation of `type`, published before `beforeMs` (the article's date). */
export function citation(r: Random, type: CitationType, beforeMs: number): CitationRecord {
  const epochMs = beforeMs - r.int(1, 900) * 86_400_000 - r.int(0, 86_399) * 1000;
  const name = citationName(r, type, epochMs);
  const [publisher, host, path] = r.pick(SOURCES[type]);
  const scheme = r.chance(0.1) ? 'http' : 'https';
  return {
    type,
    name,
    url: `${scheme}://${host}/${path(r, slugify(name, 7), formatParisDate(epochMs))}`,
    ...(r.chance(0.85) && { publisher }),
    ...(type === 'ScholarlyArticle' || r.chance(0.1) ? { author: personName(r) } : {}),
    ...(r.chance(0.7) && { datePublished: r.chance(0.5) ? formatParisDate(epochMs) : formatParis(epochMs) }),
    ...(r.chance(0.6) && { inLanguage: r.chance(0.85) ? 'fr' : 'en' }),
  };
}

const ORGANIZATIONS: readonly (readonly [type: string, name: string, wikidata?: string])[] = [
  ['GovernmentOrganization', 'Commission européenne', 'Q8880'],
  ['GovernmentOrganization', 'Assemblée nationale', 'Q193582'],
  ['GovernmentOrganization', 'Sénat', 'Q840101'],
  ['GovernmentOrganization', 'Conseil d’État'],
  ['GovernmentOrganization', 'Banque de France', 'Q806950'],
  ['GovernmentOrganization', 'CNIL'],
  ['GovernmentOrganization', 'Arcom'],
  ['Corporation', 'SNCF', 'Q13646'],
  ['Corporation', 'EDF', 'Q274591'],
  ['Corporation', 'Airbus', 'Q2311'],
  ['Corporation', 'Mistral AI'],
  ['Corporation', 'Microsoft', 'Q2283'],
  ['Organization', 'CGT'],
  ['Organization', 'CFDT'],
  ['Organization', 'Medef'],
  ['Organization', 'Greenpeace France'],
  ['SoftwareApplication', 'FranceConnect'],
  ['SoftwareApplication', 'Parcoursup'],
];

/** A mentioned or discussed entity: an organisation, a person, a place, an application. */
export function entity(r: Random): EntityRecord {
  const kind = r.int(0, 9);
  if (kind < 5) {
    const [type, name, wikidata] = r.pick(ORGANIZATIONS);
    return { type, name, ...(wikidata !== undefined && { sameAs: [`https://www.wikidata.org/wiki/${wikidata}`] }) };
  }
  if (kind < 8) return { type: 'Person', name: personName(r) };
  if (kind === 8) {
    const city = r.pick(CITIES);
    return { type: 'City', name: city, ...(r.chance(0.5) && { sameAs: [`https://fr.wikipedia.org/wiki/${city}`] }) };
  }
  return { type: 'Place', name: `Zone industrielle de ${placeName(r)}` };
}

/** An organisation's name, for a speaker's affiliation. */
export function organizationName(r: Random): string {
  return r.pick(ORGANIZATIONS)[1];
}
