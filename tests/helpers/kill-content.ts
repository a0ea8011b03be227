/** The content the kill tests build: `count` small records, the titles of every `every`-th marked with `label`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** With `every` 1, two labels give sites that differ in every page; with 3, in a third of them. */
export function writeKillContent(dir: string, count: number, label: string, every = 1): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  mkdirSync(join(dir, 'public'), { recursive: true });
  writeFileSync(join(dir, 'public', 'logo.png'), 'png');
  writeFileSync(
    join(dir, 'site.yaml'),
    'url: https://depeche.example/\ntitle: Dépêche\ndescription: Un site.\nlanguage: fr\npublisher:\n  name: ' +
      'Dépêche\n  url: https://depeche.example/\n  logo: { src: /logo.png, width: 60, height: 60 }\n',
  );
  const body = 'Un paragraphe, un [lien](https://source.example/a) & des <chevrons> « cités ».\n\n'.repeat(6);
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const minute = String(i % 60).padStart(2, '0');
    const marked = i % every === 0;
    const title = marked ? `Article ${i} (${label})` : `Article ${i}`;
    writeFileSync(
      join(dir, 'articles', `article-${i}.md`),
      `---\ntitle: ${title}\ndescription: Le chapeau ${i}.\ndatePublished: ` +
        `2024-02-${day}T09:${minute}:00+01:00\ntags: [IA${marked ? `, ${label}` : ''}]\n---\n${body}`,
    );
  }
}
