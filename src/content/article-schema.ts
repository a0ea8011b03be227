/**
 * The article record contract (`content/articles/*.md` front matter), as a zod schema.
 * Field names are schema.org's. Unknown fields are refused, so a typo cannot pass silently.
 */
import { z } from 'zod';
import { isCreativeWorkType, isSubtypeOf, isType, suggestType } from '../vocabulary/index.js';
import { parseDateTime } from './datetime.js';
import {
  absoluteUri,
  dateOrDateTime,
  dateTimeWithOffset,
  freeValue,
  httpUrl,
  languageTag,
  optionalText,
  positiveInteger,
  siteUrl,
  pictureDetails,
  text,
  urlList,
} from './fields.js';

/** Lowercase ASCII letters and digits in words joined by single hyphens: safe in any URL and path. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A schema.org type that must descend from `ancestor`, with a "did you mean" when it does not. */
function schemaType(ancestor: string, accepts: (name: string) => boolean) {
  return z.string({ error: `expected a schema.org ${ancestor} type` }).superRefine((name, context) => {
    if (accepts(name)) return;
    const suggestion = suggestType(name, ancestor);
    context.addIssue({
      code: 'custom',
      message: `expected a schema.org ${ancestor} type`,
      params: suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` },
    });
  });
}

const citation = z.strictObject(
  {
    type: schemaType('CreativeWork', isCreativeWorkType),
    name: text,
    url: httpUrl,
    publisher: optionalText,
    author: optionalText,
    datePublished: dateOrDateTime.optional(),
    inLanguage: languageTag.optional(),
  },
  { error: 'expected a mapping with type, name and url' },
);

const entity = z.strictObject(
  {
    type: schemaType('Thing', (name) => isType(name) && isSubtypeOf(name, 'Thing')),
    name: text,
    sameAs: urlList.optional(),
  },
  { error: 'expected a mapping with type and name' },
);

const quote = z.strictObject(
  {
    text,
    spokenBy: z.strictObject(
      { name: text, jobTitle: optionalText, affiliation: optionalText },
      { error: "expected a mapping with the speaker's name" },
    ),
  },
  { error: 'expected a mapping with text and spokenBy' },
);

const correction = z.strictObject(
  { date: dateTimeWithOffset, text },
  { error: 'expected a mapping with date and text' },
);

const inlineAuthor = z.strictObject(
  { name: text, url: siteUrl.optional(), sameAs: urlList.optional() },
  { error: 'expected an author id from site.yaml or a mapping with name and url' },
);

/** The newsroom's own fields under `extra:`, free in their names and shapes (see docs/records.md). */
const extra = z.record(z.string(), freeValue, { error: 'expected a mapping of fields of your own (name: value)' });

/**
 * Builds the schema; author ids are checked against those `site.yaml` declares, or not at all when
 * they are unknown (`undefined`: site.yaml is broken, and its own problems are reported). `ownFields`
 * are the names `site.yaml`'s `fields` declares: each is accepted at the top level, with any value.
 */
export function articleSchema(authorIds: ReadonlySet<string> | undefined, ownFields: readonly string[] = []) {
  const authorId = z.string().superRefine((id, context) => {
    if (authorIds === undefined || authorIds.has(id)) return;
    context.addIssue({
      code: 'custom',
      message:
        `expected an author id declared in site.yaml ` +
        `(${[...authorIds].map((known) => JSON.stringify(known)).join(', ') || 'none is'})`,
    });
  });
  return z
    .strictObject(
      {
        title: text,
        description: text,
        datePublished: dateTimeWithOffset,
        dateModified: dateTimeWithOffset.optional(),
        authors: z
          .array(
            z.union([authorId, inlineAuthor], {
              error: 'expected an author id from site.yaml or a mapping with name and url',
            }),
            {
              error: 'expected a list of authors',
            },
          )
          .min(1, { error: 'expected at least one author' })
          .optional(),
        slug: z
          .string({ error: 'expected a slug' })
          .regex(SLUG, { error: 'expected a slug of lowercase letters, digits and single hyphens' })
          .optional(),
        id: absoluteUri.optional(),
        lang: languageTag.optional(),
        /** The id of the article this one translates (docs/languages.md). */
        translationOf: absoluteUri.optional(),
        section: text.optional(),
        tags: z.array(text, { error: 'expected a list of tags' }).optional(),
        image: z
          .strictObject(
            {
              src: siteUrl,
              alt: z.string({ error: 'expected a text alternative (may be empty)' }),
              /** Required for a remote image; read from the file for a local one (content/local-image.ts). */
              width: positiveInteger.optional(),
              height: positiveInteger.optional(),
              ...pictureDetails,
            },
            {
              error: 'expected a mapping with src and alt (and width and height for a remote image)',
            },
          )
          .optional(),
        citations: z.array(citation, { error: 'expected a list of citations' }).optional(),
        isBasedOn: httpUrl.optional(),
        mentions: z.array(entity, { error: 'expected a list of entities' }).optional(),
        about: z.array(entity, { error: 'expected a list of entities' }).optional(),
        quotes: z.array(quote, { error: 'expected a list of quotes' }).optional(),
        /** Dated notices of what was corrected: shown on the page and in the feeds, and they move dateModified. */
        corrections: z.array(correction, { error: 'expected a list of corrections' }).optional(),
        /** Left out of builds unless drafts are asked for (`depeche build --drafts`); see src/drafts.ts. */
        draft: z.boolean({ error: 'expected true or false' }).optional(),
        /** Fields of the newsroom's own: carried to the themes as `article.extra`, never into an output. */
        extra: extra.optional(),
        ...Object.fromEntries(ownFields.map((name) => [name, freeValue.optional()])),
      },
      { error: 'expected a mapping of fields' },
    )
    .superRefine((record, context) => {
      const published = parseDateTime(record.datePublished);
      if (published === undefined) return;
      const notBefore = (value: string, path: (string | number)[]): void => {
        const date = parseDateTime(value);
        if (date === undefined || date.epochMs >= published.epochMs) return;
        context.addIssue({
          code: 'custom',
          path,
          message: `expected a date-time not before datePublished (${record.datePublished})`,
        });
      };
      if (record.dateModified !== undefined) notBefore(record.dateModified, ['dateModified']);
      for (const name of ownFields) {
        if ((record as Record<string, unknown>)[name] === undefined || record.extra?.[name] === undefined) continue;
        context.addIssue({
          code: 'custom',
          path: ['extra', name],
          message: `expected ${name} under extra or at the top level, not both`,
        });
      }
      for (const [index, { date }] of (record.corrections ?? []).entries())
        notBefore(date, ['corrections', index, 'date']);
    });
}

export type ArticleRecord = z.infer<ReturnType<typeof articleSchema>>;

/** The fields every record may have: a field `site.yaml` declares as the newsroom's own must be none of them. */
export const RECORD_FIELDS: readonly string[] = Object.keys(articleSchema(undefined).shape);
