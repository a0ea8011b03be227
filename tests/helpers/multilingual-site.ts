/** A small site of two languages written to a temporary content folder, for the languages' tests. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC = fileURLToPath(new URL('../fixtures/valid/public', import.meta.url));

export interface RecordSpec {
  name: string;
  title: string;
  lang?: string;
  date: string;
  /** More front matter lines. */
  extra?: string;
}

export const SETTINGS = `url: https://depeche.example/
title: Dépêche
description: Un site d’essai en deux langues.
languages: [fr, en]
publisher:
  name: Dépêche
  url: https://depeche.example/
  logo: { src: /logo.png, width: 600, height: 60 }
authors:
  camille:
    name: Camille Dupont
`;

export const RECORDS: RecordSpec[] = [
  { name: 'budget', title: 'Le budget est voté', date: '2024-03-01T09:00:00+01:00', extra: 'tags: [Budget]' },
  { name: 'greve', title: 'Grève des transports', date: '2024-03-02T09:00:00+01:00', extra: 'authors: [camille]' },
  {
    name: 'budget-passed',
    title: 'The budget is passed',
    lang: 'en',
    date: '2024-03-03T09:00:00+01:00',
    extra: 'tags: [Budget]\nauthors: [camille]',
  },
  { name: 'strike', title: 'Transport strike', lang: 'en', date: '2024-03-04T09:00:00+01:00' },
];

/** The content folder of `settings` and `records`; returns its path. */
export function writeSite(settings = SETTINGS, records: readonly RecordSpec[] = RECORDS): string {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-languages-'));
  cpSync(PUBLIC, join(dir, 'public'), { recursive: true });
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'site.yaml'), settings);
  for (const record of records) {
    const lines = [
      '---',
      `title: ${record.title}`,
      `description: ${record.title}, en bref.`,
      `datePublished: ${record.date}`,
      ...(record.lang === undefined ? [] : [`lang: ${record.lang}`]),
      ...(record.extra === undefined ? [] : [record.extra]),
      '---',
      `${record.title}.`,
      '',
    ];
    writeFileSync(join(dir, 'articles', `${record.name}.md`), lines.join('\n'));
  }
  return dir;
}
