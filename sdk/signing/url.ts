/**
 * A deliberately literal URL splitter: WHATWG `URL` would resolve dot segments, re-escape some characters and
 * drop a default port (`:443`), all of which change what gets signed. We keep the text as written.
 */
export interface SplitUrl {
  /** Lower-cased `host[:port]` as written (userinfo removed), "" for an origin-less target. */
  readonly host: string;
  /** The path as written, "/" when empty. */
  readonly path: string;
  /** The query without `?`, "" when absent; the fragment is dropped. */
  readonly query: string;
}

const ABSOLUTE_RE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/;
const ORIGIN_FORM_RE = /^([^?#]*)(?:\?([^#]*))?/;

/** Splits an absolute URL (`https://host:port/path?query`) or an origin-form request target (`/path?query`). */
export function splitUrl(url: string): SplitUrl {
  const abs = ABSOLUTE_RE.exec(url);
  if (abs) {
    const authority = abs[1] ?? "";
    const at = authority.lastIndexOf("@");
    return {
      host: (at >= 0 ? authority.slice(at + 1) : authority).toLowerCase(),
      path: abs[2] || "/",
      query: abs[3] ?? "",
    };
  }
  const rel = ORIGIN_FORM_RE.exec(url)!;
  return { host: "", path: rel[1] || "/", query: rel[2] ?? "" };
}
