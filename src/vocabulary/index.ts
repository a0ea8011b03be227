/** The schema.org vocabulary shipped in `src/vocabulary/data/schemaorg-index.json`: types, properties, suggestions. */
export type { PropertyDefinition, Vocabulary, VocabularyIndex } from './load.js';
export {
  ancestorsOf,
  enumerationOf,
  enumerationsOf,
  isCreativeWorkType,
  isDataType,
  isPropertyOf,
  isSubtypeOf,
  isType,
  property,
  propertyNames,
  typeNames,
  typeSupersededBy,
  vocabularyVersion,
} from './lookup.js';
export { suggestProperty, suggestType } from './suggest.js';
