/**
 * Builds `src/vocabulary/data/schemaorg-index.json` (and its `SOURCE.md`) from a schema.org release file.
 *
 *   npx tsx tests/tools/build-vocabulary.ts [path]
 *
 * `path` defaults to `../shared/schemas/schemaorg-30.0/schemaorg-current-https.jsonld`, resolved
 * from the project root; the release number is read from the `schemaorg-<version>/` folder name.
 * The transform is pure (`buildVocabularyIndex`, `serializeVocabularyIndex`, `renderSourceNote`);
 * only `main` reads and writes files.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { VocabularyIndex } from '../../src/vocabulary/load.js';

/** The release read by default, relative to the project root. */
export const defaultReleasePath = '../shared/schemas/schemaorg-30.0/schemaorg-current-https.jsonld';

/** Where the index and its note are written, relative to the project root. */
export const indexPath = 'src/vocabulary/data/schemaorg-index.json';
export const notePath = 'src/vocabulary/data/schemaorg-index.SOURCE.md';

/** Where the file came from, as `renderSourceNote` reports it. */
export interface ReleaseFile {
  /** Path as shown in the note, relative to the project root (`../shared/…`). */
  path: string;
  /** Size in bytes. */
  bytes: number;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
}

type RawNode = Record<string, unknown>;

const schemaPrefix = 'schema:';

/** Turns a parsed schema.org release (`{"@graph": [...]}`) into the compact index. Pure. */
export function buildVocabularyIndex(release: unknown, version: string): VocabularyIndex {
  const graph = (release as { '@graph'?: unknown } | null)?.['@graph'];
  if (!Array.isArray(graph)) throw new Error('expected a schema.org release: a JSON-LD object with an "@graph" list');
  const types: Record<string, string[]> = {};
  const dataTypes: string[] = [];
  const superseded: Record<string, string[]> = {};
  const properties: VocabularyIndex['properties'] = {};
  const members: Record<string, string[]> = {};

  for (const node of graph as RawNode[]) {
    const id = node['@id'];
    if (typeof id !== 'string' || !id.startsWith(schemaPrefix)) continue;
    const name = id.slice(schemaPrefix.length);
    const rdfTypes = asArray(node['@type']).filter((t): t is string => typeof t === 'string');
    const replacedBy = schemaNames(node['schema:supersededBy']);
    if (rdfTypes.includes('rdf:Property')) {
      const domain = schemaNames(node['schema:domainIncludes']);
      const range = schemaNames(node['schema:rangeIncludes']);
      properties[name] = replacedBy.length > 0 ? { d: domain, r: range, s: replacedBy } : { d: domain, r: range };
      continue;
    }
    const isClass = rdfTypes.includes('rdfs:Class');
    // Some enumeration members (medical specialties) are also subclasses: they are usable as types.
    if (isClass || node['rdfs:subClassOf'] !== undefined) types[name] = schemaNames(node['rdfs:subClassOf']);
    if (rdfTypes.includes('schema:DataType')) dataTypes.push(name);
    if (replacedBy.length > 0) superseded[name] = replacedBy;
    if (!isClass) {
      const enumerations = rdfTypes.filter((t) => t.startsWith(schemaPrefix)).map((t) => t.slice(schemaPrefix.length));
      if (enumerations.length > 0) members[name] = enumerations.sort();
    }
  }
  return {
    dataTypes: dataTypes.sort(),
    members: sortKeys(members),
    properties: sortKeys(properties),
    superseded: sortKeys(superseded),
    types: sortKeys(types),
    version,
  };
}

/**
 * JSON with sorted keys and one map entry a line, so that a new release shows as a readable diff.
 * `JSON.parse` of the result equals the index.
 */
export function serializeVocabularyIndex(index: VocabularyIndex): string {
  const fields = Object.entries(index)
    .sort(([a], [b]) => compare(a, b))
    .map(([key, value]) => `${JSON.stringify(key)}:${serializeField(value)}`);
  return `{\n${fields.join(',\n')}\n}\n`;
}

function serializeField(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const entries = Object.entries(value).sort(([a], [b]) => compare(a, b));
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, entry]) => `${JSON.stringify(key)}:${JSON.stringify(entry)}`).join(',\n')}\n}`;
}

/** The provenance note written beside the index. */
export function renderSourceNote(index: VocabularyIndex, source: ReleaseFile): string {
  const count = (record: object): string => Object.keys(record).length.toLocaleString('en');
  return [
    '# schemaorg-index.json — provenance',
    '',
    `* What: a compact index of the schema.org vocabulary, release ${index.version}, read by \`src/vocabulary/\`: ` +
      `${count(index.types)} types (among them the data types ${index.dataTypes.join(', ')} ` +
      'and their subtypes such as URL and Integer), ' +
      `${count(index.properties)} properties, ${count(index.members)} enumeration members. ` +
      'Only terms in the `schema:` namespace; labels, comments, areas and mappings to other vocabularies are left out.',
    `* Generated from: \`${source.path}\` (${source.bytes.toLocaleString('en')} bytes, sha256 \`${source.sha256}\`), ` +
      `the schema.org release ${index.version} file (core + pending + extensions, no attic), ` +
      `also published at https://schema.org/version/${index.version}/.`,
    '* Format: JSON, keys sorted, one entry a line. `version`; ' +
      '`types`: type → direct supertypes (`rdfs:subClassOf`); ' +
      '`dataTypes`: the instances of `schema:DataType`; ' +
      '`superseded`: type or member → replacements (`schema:supersededBy`); ' +
      '`properties`: property → `d` domainIncludes, `r` rangeIncludes, `s` supersededBy; ' +
      '`members`: enumeration member → its enumeration type(s).',
    '* Regenerate: `npx tsx tests/tools/build-vocabulary.ts [path-to-schemaorg-current-https.jsonld]` ' +
      '(default: the path above; the release number is read from the `schemaorg-<version>/` folder). ' +
      'It rewrites this file and the index; ' +
      '`tests/tools/build-vocabulary.test.ts` fails when the committed files differ from what it generates.',
    '* Licence: the schema.org vocabulary is published under Creative Commons Attribution-ShareAlike 3.0 ' +
      '(https://schema.org/docs/terms.html); this index is an adaptation of it under the same licence.',
    '',
  ].join('\n');
}

/** The release number in a `schemaorg-<version>/` path, such as `30.0`. */
export function versionFromPath(path: string): string | undefined {
  return /schemaorg-(\d+(?:\.\d+)*)[\\/]/.exec(path)?.[1];
}

/** Reads the release at `args[0]` (or the default) and writes both files into `<root>/src/vocabulary/data/`. */
export function main(args: readonly string[], projectRoot: string): void {
  const input = resolve(projectRoot, args[0] ?? defaultReleasePath);
  const version = versionFromPath(input);
  if (version === undefined)
    throw new Error(`${input}: cannot tell the release; expected a path under schemaorg-<version>/`);
  const bytes = readFileSync(input);
  const index = buildVocabularyIndex(JSON.parse(bytes.toString('utf8')), version);
  const source: ReleaseFile = {
    path: relative(projectRoot, input).split('\\').join('/'),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const indexText = serializeVocabularyIndex(index);
  writeFileAtomic(resolve(projectRoot, indexPath), indexText);
  writeFileAtomic(resolve(projectRoot, notePath), renderSourceNote(index, source));
  console.log(`${indexPath}: schema.org ${version}, ${Buffer.byteLength(indexText)} bytes`);
}

/** Writes a temp file beside the target, then renames it into place. */
function writeFileAtomic(path: string, contents: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function schemaNames(value: unknown): string[] {
  return asArray(value)
    .map((entry) => (entry as { '@id'?: unknown } | null)?.['@id'])
    .filter((id): id is string => typeof id === 'string' && id.startsWith(schemaPrefix))
    .map((id) => id.slice(schemaPrefix.length))
    .sort();
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2), fileURLToPath(new URL('../..', import.meta.url)));
}
