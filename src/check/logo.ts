/**
 * The logos of a page's JSON-LD (`logo` of an Organization, a NewsMediaOrganization…): Google's
 * Organization logo is at least 112 × 112 pixels (https://developers.google.com/search/docs/appearance/
 * structured-data/organization), judged by the file's own size when the site has it, else the declared
 * one; and the declared size must be the file's. Every page carries its publisher, so the site's
 * findings keep one of each (`firstOfEachLogo`).
 */
import type { SiteContext } from './context.js';
import { type Finding, type Place, warning } from './finding.js';
import { imageFacts, judgedSize, sizeMismatch } from './image-facts.js';
import { indexPath, memberPath } from './json-path.js';
import { isObject } from './jsonld-terms.js';

export const MIN_LOGO_SIDE = 112;

export function checkLogos(context: SiteContext, document: unknown, place: (path: string) => Place): Finding[] {
  return logosOf(document, '$').flatMap(([logo, path]) => {
    const facts = imageFacts(context, logo);
    const findings = sizeMismatch(facts, place(path));
    const size = judgedSize(facts);
    if (size !== undefined && (size.width < MIN_LOGO_SIDE || size.height < MIN_LOGO_SIDE))
      findings.push(
        warning(
          'google-logo',
          place(path),
          `expected a logo of at least ${MIN_LOGO_SIDE} × ${MIN_LOGO_SIDE} pixels (Google's Organization logo), ` +
            `found ${size.width} × ${size.height} in ${facts.url}`,
          'give site.yaml a square logo',
        ),
      );
    return findings;
  });
}

/** A finding of `checkLogos`: at a JSON path ending in a `logo`. */
function isLogo(finding: Finding): boolean {
  return (finding.rule === 'google-logo' || finding.rule === 'image-size') && /\.logo(\[\d+\])?$/.test(finding.field);
}

/** Every `logo` value under `value`, with its JSON path (each item of a list of logos on its own). */
function logosOf(value: unknown, path: string): Array<[unknown, string]> {
  if (Array.isArray(value)) return value.flatMap((item, index) => logosOf(item, indexPath(path, index)));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]): Array<[unknown, string]> => {
    const at = memberPath(path, key);
    if (key !== 'logo') return logosOf(child, at);
    return Array.isArray(child) ? child.map((item, index) => [item, indexPath(at, index)]) : [[child, at]];
  });
}

/**
 * The findings with one of each logo finding: the first page's, its message naming how many other pages
 * carry the same logo.
 */
export function firstOfEachLogo(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (!isLogo(finding)) {
      kept.push(finding);
      continue;
    }
    const key = `${finding.rule}\n${finding.message}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [finding]);
      kept.push(finding);
    } else group.push(finding);
  }
  return kept.map((finding) => {
    const others = isLogo(finding) ? (groups.get(`${finding.rule}\n${finding.message}`)?.length ?? 1) - 1 : 0;
    if (others === 0) return finding;
    return { ...finding, message: `${finding.message} (and on ${others} other page${others === 1 ? '' : 's'})` };
  });
}
