/** The part of language-tags (which ships no types) that src/content/language.ts uses. */
declare module 'language-tags' {
  interface Tag {
    /** Well-formed, every subtag in the IANA registry, none deprecated. */
    valid(): boolean;
    /** The tag in the registry's letter case (`fr-FR`). */
    format(): string;
  }
  interface Subtag {
    type(): string;
    descriptions(): string[];
    deprecated(): string | null;
    format(): string;
  }
  export function tags(tag: string): Tag;
  /** Subtags whose descriptions contain `query` (ignoring case when it is lowercase). */
  export function search(query: string): Subtag[];
}
