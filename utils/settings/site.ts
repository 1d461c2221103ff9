/** The host a site rule uses for a URL (`www.` dropped), or null for pages that are not web pages. */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Does a site rule cover this host (the host itself or a subdomain of it)? */
export function covers(rule: string, host: string): boolean {
  const site = rule.replace(/^www\./, '');
  return host === site || host.endsWith(`.${site}`);
}
