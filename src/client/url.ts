/**
 * The page's URL, where the settings live so a copied link reproduces a run. Injected
 * into the store (tests pass a fake); this is the browser's.
 */
export interface UrlPort {
  /** The query as the page opened with it, e.g. "?dataset=mnist&lr=0.1". */
  search(): string;
  /** Replace the query (no new history entry): "" leaves the bare path. */
  write(query: string): void;
}

export const browserUrl: UrlPort = {
  search: () => location.search,
  write: (query) => history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`),
};
