/** Validates an Atom document against RFC 4287's RELAX NG schema with libxml2 (WebAssembly). */
import { readFileSync } from 'node:fs';
import { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';

const SCHEMA = new URL('../../src/vocabulary/data/schemas/atom-rfc4287.rng', import.meta.url);

/** Throws when `xml` is not well formed or not valid Atom. */
export function assertValidAtom(xml: string): void {
  const schema = XmlDocument.fromString(readFileSync(SCHEMA, 'utf8'));
  const validator = RelaxNGValidator.fromDoc(schema);
  try {
    const document = XmlDocument.fromString(xml);
    try {
      validator.validate(document);
    } finally {
      document.dispose();
    }
  } finally {
    validator.dispose();
    schema.dispose();
  }
}
