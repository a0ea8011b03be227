/**
 * Quotations in French prose: text in « » or “ ” whose speaker is named right after it
 * (`», a ainsi affirmé Kai Zenner, conseiller en politique numérique…`, `», selon Kim van Sparrentak`)
 * or right before it (`Kai Zenner a déclaré : « … »`). A quotation with no speaker named next to
 * it (a word quoted in passing, « examiner ») is not a quote. The apposition after the name becomes
 * the job title, without its article and without a relative clause (`une eurodéputée néerlandaise qui
 * a travaillé…` → `eurodéputée néerlandaise`). Pure.
 */

export interface ImportedQuote {
  text: string;
  spokenBy: { name: string; jobTitle?: string; affiliation?: string };
}

const QUOTATIONS = /«\s*([^«»]+?)\s*»|“\s*([^“”]+?)\s*”/gu;

/** Adverbs that sit between the auxiliary and the verb: `a ainsi affirmé`, `a même assené`. */
const ADVERBS =
  "(?:(?:ainsi|même|encore|alors|aussi|également|notamment|d[’']ailleurs|pourtant|toutefois|enfin|déjà|bien|" +
  'aussitôt|simplement|pour sa part|de son côté)\\s+)*';
/** Verbs of saying, in the present or the past historic (`explique`, `déclara`). */
const SAYS =
  '(?:affirm|déclar|expliqu|estim|ajout|indiqu|soulign|précis|insist|résum|tranch|martèl|rappell|rappel|regrett|' +
  'déplor|comment|racont|confi|lanc|not|observ|poursui|conclu|prévien|prévin|reconna[iî]|assur|avou|admet|admi|' +
  "assèn|assén|dénonc|fustig|s[’']inquièt|s[’']interrog|interrog|répond|répliqu|tacl|ironis|avert|avertiss|dit|" +
  'écri|sout)\\p{L}*';
/** A past participle after `a`/`ont`: `affirmé`, `dit`, `écrit`, `prévenu`, `admis`. */
const PARTICIPLE = '\\p{Ll}+(?:é|ée|és|i|it|is|u|us|t)';
const PARTICLES = '(?:van|von|der|den|de|du|da|di|del|della|le|la|ten|ter|bin|al|el|mac)';
const NAME = `(\\p{Lu}[\\p{L}’'.-]*(?:\\s+(?:${PARTICLES}\\s+)*\\p{Lu}[\\p{L}’'-]*)*)`;

/** After the closing mark: `, a ainsi affirmé NAME`, `, explique NAME`, `, selon NAME`. */
const AFTER = new RegExp(
  `^\\s*,\\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\\s+${ADVERBS}${PARTICIPLE}|${ADVERBS}${SAYS}|` +
    `selon|d[’']après)\\s+${NAME}(\\s*,\\s*[^.;!?]+?)?\\s*(?:[.;!?](?:\\s|$)|$)`,
  'u',
);
/** Before the opening mark: `NAME a déclaré :`, `NAME explique :`. */
const BEFORE = new RegExp(`${NAME}\\s+(?:(?:a|avait)\\s+${ADVERBS}${PARTICIPLE}|${ADVERBS}${SAYS})\\s*:\\s*$`, 'u');

const ARTICLE = /^(?:(?:une|un|les|le|la)\s+|l[’']\s*)/iu;
const RELATIVE = /\s+(?:qui|que|qu[’']|dont|où|lors|depuis)\b.*$/isu;

/** Affiliations that a job title states: a guess for the editor to check. */
const AFFILIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /(?<!\p{L})(?:eurodéputée?s?|députée?s? européen(?:ne)?s?|parlementaires? européen(?:ne)?s?)(?!\p{L})/iu,
    'Parlement européen',
  ],
  [/(?<!\p{L})commissaires? européen(?:ne)?s?(?!\p{L})/iu, 'Commission européenne'],
];

export function findQuotes(paragraphs: readonly string[]): ImportedQuote[] {
  const quotes: ImportedQuote[] = [];
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(QUOTATIONS)) {
      const text = (match[1] ?? match[2] ?? '').replace(/\s+/g, ' ').trim();
      const start = match.index;
      const after = AFTER.exec(paragraph.slice(start + match[0].length));
      const before = after === null ? BEFORE.exec(paragraph.slice(0, start)) : null;
      const name = after?.[1] ?? before?.[1];
      if (name === undefined || text === '') continue;
      const jobTitle = after?.[2] === undefined ? undefined : apposition(after[2]);
      const affiliation =
        jobTitle === undefined ? undefined : AFFILIATIONS.find(([pattern]) => pattern.test(jobTitle))?.[1];
      quotes.push({
        text,
        spokenBy: {
          name: name.trim(),
          ...(jobTitle === undefined ? {} : { jobTitle }),
          ...(affiliation === undefined ? {} : { affiliation }),
        },
      });
    }
  }
  return quotes;
}

/** `, une eurodéputée néerlandaise qui a travaillé sur l’AI Act` → `eurodéputée néerlandaise`. */
function apposition(text: string): string | undefined {
  const title = text
    .replace(/^\s*,\s*/, '')
    .replace(ARTICLE, '')
    .replace(RELATIVE, '')
    .replace(/[\s,;:]+$/u, '');
  return title === '' ? undefined : title;
}
