/** Ids made readable and safe: words for people, slugs for files and anchors. */

/** Turns an id into words: `first-contact` → "First contact". */
export function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words === '' ? id : words.charAt(0).toUpperCase() + words.slice(1);
}

/** A file-system- and URL-safe form of an id: lowercase letters, digits and single hyphens. */
export function slugOf(id: string): string {
  return id
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
