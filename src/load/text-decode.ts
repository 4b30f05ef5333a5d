/**
 * A file's text as `parseFile` makes it from the bytes: UTF-8 (invalid sequences replaced),
 * without a leading byte order mark. The cache restores `text` with this instead of storing it;
 * it stores the text only for a file where the two differ, so a change in `parseFile` cannot
 * make a cached text wrong.
 */
export function decodeText(bytes: Uint8Array): string {
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
}
