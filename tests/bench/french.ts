/**
 * French-looking news prose from word lists: noun phrases with gender agreement, elision (l’, d’,
 * qu’), contractions (du, des, au), « » quotes with non-breaking spaces, figures in French style.
 * Not literature, but text whose length, alphabet, punctuation and Markdown resemble a newsroom's.
 */
import type { Random } from './prng.js';

/** No-break space, as French typography puts inside « » and before % : ; ? ! */
export const NBSP = '\u00a0';

type Gender = 'm' | 'f';
type Noun = readonly [word: string, gender: Gender];

const NOUNS: readonly Noun[] = [
  ['gouvernement', 'm'],
  ['ministre', 'm'],
  ['marché', 'm'],
  ['projet', 'm'],
  ['rapport', 'm'],
  ['secteur', 'm'],
  ['budget', 'm'],
  ['accord', 'm'],
  ['président', 'm'],
  ['syndicat', 'm'],
  ['texte', 'm'],
  ['réseau', 'm'],
  ['calendrier', 'm'],
  ['tribunal', 'm'],
  ['conseil', 'm'],
  ['investissement', 'm'],
  ['groupe', 'm'],
  ['chantier', 'm'],
  ['débat', 'm'],
  ['scrutin', 'm'],
  ['dispositif', 'm'],
  ['partenariat', 'm'],
  ['modèle', 'm'],
  ['règlement', 'm'],
  ['financement', 'm'],
  ['service', 'm'],
  ['territoire', 'm'],
  ['hôpital', 'm'],
  ['emploi', 'm'],
  ['logement', 'm'],
  ['directeur', 'm'],
  ['enjeu', 'm'],
  ['chiffre', 'm'],
  ['contrat', 'm'],
  ['plan', 'm'],
  ['maire', 'm'],
  ['département', 'm'],
  ['quartier', 'm'],
  ['laboratoire', 'm'],
  ['opérateur', 'm'],
  ['fournisseur', 'm'],
  ['prix', 'm'],
  ['impôt', 'm'],
  ['déficit', 'm'],
  ['vote', 'm'],
  ['amendement', 'm'],
  ['procès', 'm'],
  ['avocat', 'm'],
  ['juge', 'm'],
  ['témoin', 'm'],
  ['éditeur', 'm'],
  ['public', 'm'],
  ['événement', 'm'],
  ['collectif', 'm'],
  ['cabinet', 'm'],
  ['sommet', 'm'],
  ['bilan', 'm'],
  ['recours', 'm'],
  ['fonds', 'm'],
  ['porte-parole', 'm'],
  ['commission', 'f'],
  ['entreprise', 'f'],
  ['réforme', 'f'],
  ['loi', 'f'],
  ['enquête', 'f'],
  ['étude', 'f'],
  ['région', 'f'],
  ['ville', 'f'],
  ['communauté', 'f'],
  ['jeune pousse', 'f'],
  ['politique', 'f'],
  ['décision', 'f'],
  ['hausse', 'f'],
  ['baisse', 'f'],
  ['crise', 'f'],
  ['grève', 'f'],
  ['élection', 'f'],
  ['majorité', 'f'],
  ['opposition', 'f'],
  ['négociation', 'f'],
  ['proposition', 'f'],
  ['association', 'f'],
  ['plateforme', 'f'],
  ['technologie', 'f'],
  ['énergie', 'f'],
  ['filière', 'f'],
  ['usine', 'f'],
  ['agence', 'f'],
  ['autorité', 'f'],
  ['justice', 'f'],
  ['presse', 'f'],
  ['rédaction', 'f'],
  ['famille', 'f'],
  ['école', 'f'],
  ['université', 'f'],
  ['recherche', 'f'],
  ['santé', 'f'],
  ['sécurité', 'f'],
  ['économie', 'f'],
  ['inflation', 'f'],
  ['croissance', 'f'],
  ['dette', 'f'],
  ['facture', 'f'],
  ['rentrée', 'f'],
  ['campagne', 'f'],
  ['manifestation', 'f'],
  ['mesure', 'f'],
  ['annonce', 'f'],
  ['audience', 'f'],
  ['stratégie', 'f'],
  ['concurrence', 'f'],
  ['transition', 'f'],
  ['préfecture', 'f'],
  ['mairie', 'f'],
];

/** Adjectives as [masculine, feminine]; they follow the noun. */
const ADJECTIVES: readonly (readonly [string, string])[] = [
  ['européen', 'européenne'],
  ['français', 'française'],
  ['public', 'publique'],
  ['important', 'importante'],
  ['local', 'locale'],
  ['national', 'nationale'],
  ['numérique', 'numérique'],
  ['économique', 'économique'],
  ['social', 'sociale'],
  ['récent', 'récente'],
  ['majeur', 'majeure'],
  ['fragile', 'fragile'],
  ['ambitieux', 'ambitieuse'],
  ['inédit', 'inédite'],
  ['régional', 'régionale'],
  ['énergétique', 'énergétique'],
  ['industriel', 'industrielle'],
  ['juridique', 'juridique'],
  ['budgétaire', 'budgétaire'],
  ['sanitaire', 'sanitaire'],
  ['climatique', 'climatique'],
  ['sévère', 'sévère'],
  ['controversé', 'controversée'],
  ['attendu', 'attendue'],
  ['prudent', 'prudente'],
  ['discret', 'discrète'],
  ['décisif', 'décisive'],
  ['coûteux', 'coûteuse'],
];

/** Transitive verbs, third person: [singular, plural]. */
const VERBS: readonly (readonly [string, string])[] = [
  ['a annoncé', 'ont annoncé'],
  ['a présenté', 'ont présenté'],
  ['prévoit', 'prévoient'],
  ['examine', 'examinent'],
  ['critique', 'critiquent'],
  ['défend', 'défendent'],
  ['a validé', 'ont validé'],
  ['a rejeté', 'ont rejeté'],
  ['finance', 'financent'],
  ['soutient', 'soutiennent'],
  ['dénonce', 'dénoncent'],
  ['prépare', 'préparent'],
  ['publie', 'publient'],
  ['a signé', 'ont signé'],
  ['relance', 'relancent'],
  ['redoute', 'redoutent'],
  ['réclame', 'réclament'],
  ['confirme', 'confirment'],
  ['menace', 'menacent'],
  ['accélère', 'accélèrent'],
  ['ralentit', 'ralentissent'],
  ['encadre', 'encadrent'],
  ['a dévoilé', 'ont dévoilé'],
  ['a adopté', 'ont adopté'],
  ['étudie', 'étudient'],
  ['conteste', 'contestent'],
  ['remet en cause', 'remettent en cause'],
  ['a obtenu', 'ont obtenu'],
  ['renforce', 'renforcent'],
  ['suspend', 'suspendent'],
];
const VERBS_OF_SAYING: readonly (readonly [string, string])[] = [
  ['estime', 'estiment'],
  ['affirme', 'affirment'],
  ['rappelle', 'rappellent'],
  ['souligne', 'soulignent'],
  ['assure', 'assurent'],
  ['précise', 'précisent'],
  ['reconnaît', 'reconnaissent'],
  ['juge', 'jugent'],
  ['regrette', 'regrettent'],
  ['observe', 'observent'],
];
const QUOTE_VERBS = ['a déclaré', 'a expliqué', 'a résumé', 'a tranché', 'a lancé', 'confie', 'insiste', 'ajoute'];
const CONNECTORS = [
  'Par ailleurs',
  'En revanche',
  'Pour l’instant',
  'De son côté',
  'Selon nos informations',
  'Toutefois',
  'Néanmoins',
  'Dans le détail',
  'En effet',
  'Ainsi',
  'À terme',
  'Dans l’immédiat',
  'Sur le terrain',
  'En coulisses',
];
const TIMES = [
  'depuis plusieurs mois',
  'cette semaine',
  'le mois dernier',
  'd’ici à la fin de l’année',
  'dès janvier',
  'lundi',
  'mardi soir',
  'mercredi matin',
  'jeudi',
  'vendredi dernier',
  'au printemps',
  'à l’automne',
  'avant l’été',
  'en fin de journée',
  'dans la nuit',
];
export const CITIES = [
  'Paris',
  'Lyon',
  'Marseille',
  'Toulouse',
  'Bordeaux',
  'Lille',
  'Nantes',
  'Strasbourg',
  'Rennes',
  'Montpellier',
  'Grenoble',
  'Brest',
  'Dijon',
  'Clermont-Ferrand',
  'Besançon',
  'Bruxelles',
  'Genève',
  'Luxembourg',
  'Orléans',
  'Perpignan',
];
export const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Hugo',
  'Chloé',
  'Mathieu',
  'Inès',
  'Julien',
  'Manon',
  'Karim',
  'Élodie',
  'Thomas',
  'Aurélie',
  'Nicolas',
  'Sophie',
  'Yann',
  'Hélène',
  'Mehdi',
  'Claire',
  'Benoît',
  'Anaïs',
  'François',
  'Zoé',
  'Gaëlle',
  'Loïc',
];
export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Lefèvre',
  'Moreau',
  'Laurent',
  'Garnier',
  'Rousseau',
  'Fournier',
  'Girard',
  'Benali',
  'Mercier',
  'Lemaître',
  'Boyer',
  'Chevalier',
  'Faure',
  'Gauthier',
  'Perrin',
  'Morel',
  'Nguyen',
  'Le Gall',
  'Da Silva',
];
const SYLLABLES = [
  'ba',
  'ré',
  'lo',
  'mi',
  'tan',
  'vé',
  'cou',
  'ran',
  'gé',
  'lin',
  'mar',
  'ton',
  'ser',
  'vi',
  'dou',
  'châ',
  'pé',
  'nor',
  'gal',
  'ké',
];
const ENDINGS = ['ac', 'ville', 'court', 'ières', 'y', 'ais', 'ot', 'ine', 'eux', 'at'];
const JOBS = [
  'ministre de l’Économie',
  'secrétaire d’État au Numérique',
  'députée de la majorité',
  'sénateur de l’opposition',
  'présidente de la région',
  'maire de la ville',
  'directeur général',
  'économiste',
  'avocate',
  'porte-parole du syndicat',
  'chercheuse au CNRS',
  'délégué syndical',
  'eurodéputé',
  'présidente de l’association',
  'fondateur de la jeune pousse',
];
/** Names with `&`: the text and feeds must escape them. */
const AMPERSANDS = [
  'Procter & Gamble',
  'Marks & Spencer',
  'AT&T',
  'la R&D',
  'Johnson & Johnson',
  'le cabinet Dupont & Associés',
];

const VOWEL_START = /^[aeiouyàâäéèêëîïôöûüœh]/i;

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

/** A made-up proper noun (`Valoriac`, `Tanmiville`), so the vocabulary is not a closed list. */
export function placeName(r: Random): string {
  let name = '';
  for (let count = r.int(1, 2); count > 0; count--) name += r.pick(SYLLABLES);
  return capitalize(name + r.pick(ENDINGS));
}

export function personName(r: Random): string {
  return `${r.pick(FIRST_NAMES)} ${r.chance(0.4) ? placeName(r) : r.pick(LAST_NAMES)}`;
}

export function jobTitle(r: Random): string {
  return r.pick(JOBS);
}

type Article = 'def' | 'indef' | 'de' | 'à';

/** A noun phrase and its grammatical number, for the verb to agree with. */
interface Phrase {
  text: string;
  plural: boolean;
}

/** A noun phrase with its determiner, agreeing in gender and number, with elision and contraction. */
function phrase(r: Random, article: Article, depth: number): Phrase {
  const [noun, gender] = r.pick(NOUNS);
  const plural = r.chance(0.2) && !/[sxz]$/.test(noun) && !noun.includes(' ') && !noun.includes('-');
  const adjective = r.chance(0.5) ? r.pick(ADJECTIVES)[gender === 'm' ? 0 : 1] : undefined;
  const pluralize = (word: string): string =>
    plural
      ? /al$/.test(word)
        ? `${word.slice(0, -2)}aux`
        : /eau$/.test(word)
          ? `${word}x`
          : /[sx]$/.test(word)
            ? word
            : `${word}s`
      : word;
  let head = pluralize(noun) + (adjective === undefined ? '' : ` ${pluralize(adjective)}`);
  if (depth === 0 && r.chance(0.3)) head += ` ${phrase(r, 'de', depth + 1).text}`;
  const vowel = VOWEL_START.test(noun);
  const text =
    article === 'indef'
      ? `${plural ? 'des' : gender === 'm' ? 'un' : 'une'} ${head}`
      : plural
        ? `${{ def: 'les', de: 'des', à: 'aux' }[article]} ${head}`
        : vowel
          ? `${{ def: 'l’', de: 'de l’', à: 'à l’' }[article]}${head}`
          : `${(gender === 'f' ? { def: 'la', de: 'de la', à: 'à la' } : { def: 'le', de: 'du', à: 'au' })[article]} ` +
            head;
  return { text, plural };
}

export function nounPhrase(r: Random, article: Article = 'def', depth = 0): string {
  return phrase(r, article, depth).text;
}

/** A subject: a person (singular) or a noun phrase. */
function subject(r: Random): Phrase {
  return r.chance(0.15) ? { text: personName(r), plural: false } : phrase(r, 'def', 0);
}

function verb(r: Random, verbs: readonly (readonly [string, string])[], plural: boolean): string {
  return r.pick(verbs)[plural ? 1 : 0];
}

/** A figure as a French newspaper prints it: `3,5 milliards d’euros`, `42 %`, `12 400 emplois`. */
export function figure(r: Random): string {
  switch (r.int(0, 3)) {
    case 0:
      return `${r.int(2, 950)} millions d’euros`;
    case 1:
      return `${r.int(1, 9)},${r.int(1, 9)} milliards d’euros`;
    case 2:
      return `${r.int(1, 99)}${NBSP}%`;
    default:
      return `${r.int(1, 98)}${NBSP}${String(r.int(0, 999)).padStart(3, '0')} emplois`;
  }
}

function complement(r: Random): string {
  switch (r.int(0, 3)) {
    case 0:
      return ` à ${r.pick(CITIES)}`;
    case 1:
      return ` ${r.pick(TIMES)}`;
    case 2:
      return `, soit ${figure(r)}`;
    default:
      return '';
  }
}

/** One declarative sentence, with its final punctuation. */
export function sentence(r: Random): string {
  const who = subject(r);
  switch (r.int(0, 9)) {
    case 0:
    case 1: {
      const that = subject(r);
      const que = VOWEL_START.test(that.text) ? 'qu’' : 'que ';
      return (
        `${capitalize(who.text)} ${verb(r, VERBS_OF_SAYING, who.plural)} ${que}${that.text} ` +
        `${verb(r, VERBS, that.plural)} ${nounPhrase(r, 'indef')}${complement(r)}.`
      );
    }
    case 2:
    case 3:
      return `${r.pick(CONNECTORS)}, ${who.text} ${verb(r, VERBS, who.plural)} ${nounPhrase(r)}${complement(r)}.`;
    case 4:
      return (
        `Le montant atteint désormais ${figure(r)}, contre ${figure(r)} ` +
        `il y a ${r.int(2, 10)}${NBSP}ans, selon ${nounPhrase(r)}.`
      );
    default:
      return (
        `${capitalize(who.text)} ${verb(r, VERBS, who.plural)} ` +
        `${nounPhrase(r, r.chance(0.5) ? 'def' : 'indef')}${complement(r)}.`
      );
  }
}

/** A short statement fit for a quotation: no final point (the caller adds the punctuation). */
export function quotation(r: Random): string {
  return sentence(r).slice(0, -1);
}

/** `« … », a déclaré X, job.` */
export function quotedSentence(r: Random): string {
  return `«${NBSP}${quotation(r)}${NBSP}», ${r.pick(QUOTE_VERBS)} ${personName(r)}, ${jobTitle(r)}.`;
}

/** A sentence naming a company with `&`, or a comparison written with `<`. */
export function specialCharacterSentence(r: Random, character: '&' | '<'): string {
  if (character === '&') {
    const who = phrase(r, 'def', 0);
    return (
      `${capitalize(who.text)} ${verb(r, VERBS, who.plural)} ` +
      `un accord avec ${r.pick(AMPERSANDS)} pour ${figure(r)}.`
    );
  }
  return r.chance(0.8)
    ? `Seules les entreprises de petite taille (< ${r.int(10, 250)}${NBSP}salariés) ` +
        `${r.pick(['sont concernées', 'y échappent', 'pourront en bénéficier'])}.`
    : `Le ratio visé reste < ${r.int(2, 60)}${NBSP}%, et la balise <script> d’un formulaire en ligne ` +
        `a même été ${r.pick(['signalée', 'corrigée'])}.`;
}

/** A title: a short clause, capitalised, no final point. */
export function headline(r: Random): string {
  const who = r.chance(0.3) ? { text: r.pick(CITIES), plural: false } : phrase(r, 'def', 1);
  const subjectAndVerb = `${capitalize(who.text)} ${verb(r, VERBS, who.plural)}`;
  const text = `${subjectAndVerb} ${nounPhrase(r, r.chance(0.5) ? 'def' : 'indef', 1)}`;
  return r.chance(0.1) ? `${text} : ${r.pick(AMPERSANDS)} en première ligne` : text;
}

/** A subheading: a noun phrase, capitalised. */
export function subheading(r: Random): string {
  return capitalize(nounPhrase(r, r.chance(0.5) ? 'def' : 'indef', 1));
}

/** ASCII slug of a text: `L’usine de Valoriac` → `l-usine-de-valoriac`. */
export function slugify(text: string, maxWords = 8): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .slice(0, maxWords)
    .join('-');
}
