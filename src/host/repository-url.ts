/**
 * One repository however it is spelled (the key of a submodule repository's host clone): the URL
 * with its scheme and host in lower case, without user info, query, trailing slashes or `.git`,
 * so that two superprojects that spell one repository a little differently share its host clone.
 */
export function normalizedRepositoryUrl(url: string): string {
  let key = url.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key)) {
    try {
      const parsed = new URL(key);
      key = `${parsed.protocol.toLowerCase()}//${parsed.host.toLowerCase()}${parsed.pathname}`;
    } catch {
      // Not a URL the WHATWG parser reads: the text itself is the key.
    }
  }
  return key
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '');
}
