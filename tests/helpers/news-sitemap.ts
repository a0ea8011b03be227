/**
 * A News sitemap, or a sitemap of the articles, validated by libxml2 against the sitemaps.org urlset and
 * Google's News and image extensions (tests/fixtures/schemas/sitemap-news.xsd, sitemap-image.xsd).
 */
import { join } from 'node:path';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const NEWS_XSD = join(import.meta.dirname, '../fixtures/schemas/sitemap-news.xsd');
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';
const IMAGE_XSD = join(import.meta.dirname, '../fixtures/schemas/sitemap-image.xsd');

/**
 * The sitemaps.org urlset (sitemap.xsd, without `changefreq` and `priority`), whose `url` takes the
 * elements of other namespaces strictly, as the original does: `news:news` and `image:image` must fit Google's
 * schemas.
 */
const URLSET_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="${SITEMAP_NS}" xmlns="${SITEMAP_NS}"
    elementFormDefault="qualified">
  <xsd:import namespace="${NEWS_NS}" schemaLocation="${NEWS_XSD}"/>
  <xsd:import namespace="${IMAGE_NS}" schemaLocation="${IMAGE_XSD}"/>
  <xsd:element name="urlset"><xsd:complexType><xsd:sequence>
    <xsd:element name="url" minOccurs="0" maxOccurs="unbounded"><xsd:complexType><xsd:sequence>
      <xsd:element name="loc"><xsd:simpleType><xsd:restriction base="xsd:anyURI">
        <xsd:minLength value="12"/><xsd:maxLength value="2048"/>
      </xsd:restriction></xsd:simpleType></xsd:element>
      <xsd:element name="lastmod" type="xsd:string" minOccurs="0"/>
      <xsd:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
    </xsd:sequence></xsd:complexType></xsd:element>
  </xsd:sequence></xsd:complexType></xsd:element>
</xsd:schema>`;

// The imports above name the extensions' schemas by their files.
xmlRegisterFsInputProviders();

/** Validates a urlset with libxml2 (throws at the first invalid element); returns how many `url` it has. */
export function validateNewsSitemap(xml: string): number {
  const schemaDoc = XmlDocument.fromString(URLSET_XSD);
  const validator = XsdValidator.fromDoc(schemaDoc);
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return doc.find('/sm:urlset/sm:url', { sm: SITEMAP_NS }).length;
  } finally {
    doc.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}
