/**
 * How long the page takes to show its reader an operation's path, measured by the
 * page itself from the start of its navigation (`performance.timeOrigin`), so the
 * browser test and `npm run bench:try-it` print the same figure.
 *
 * "First rendered path": the first animation frame in which an element whose text is
 * one of the spec's paths (Redoc shows `POST /authenticate`, the path a text of its
 * own) is laid out inside the window. That frame paints it; nothing is clicked or
 * scrolled. Redoc prerenders the page without any operation and renders the sections
 * near the window once React has hydrated it, so this is also when the page becomes
 * useful to a reader who opened it.
 */
import type { Page } from 'playwright-core';

/** Milliseconds after the navigation started. */
export interface PageTimings {
  /** The prerendered page's first paint. */
  firstContentfulPaint: number;
  /** React owns the prerendered page: a sidebar link carries React's props (before then a click leaves the page). */
  hydrated: number;
  /** The first frame with an operation's path inside the window. */
  firstPath: number;
}

/** What the page script below keeps on `window`. */
interface Watched {
  hydrated?: number;
  firstPath?: number;
}

declare global {
  interface Window {
    leafFirstPath?: Watched;
  }
}

/** Before `page.goto`: from the page's first script on, watch for the first path shown (`paths`: the spec's). */
export async function watchFirstPath(page: Page, paths: string[]): Promise<void> {
  // tsx (the bench's runner) names functions with a `__name` helper the page does not have.
  await page.addInitScript({
    content: `{ const __name = (target) => target; (${watch})(${JSON.stringify(paths)}); }`,
  });
}

/** After `page.goto`: waits until the page has shown a path and hydrated, and reads when each happened. */
export async function readPageTimings(page: Page, timeout: number): Promise<PageTimings> {
  await page.waitForFunction(
    () => window.leafFirstPath?.firstPath !== undefined && window.leafFirstPath.hydrated !== undefined,
    undefined,
    { timeout },
  );
  return page.evaluate(() => ({
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    hydrated: window.leafFirstPath!.hydrated!,
    firstPath: window.leafFirstPath!.firstPath!,
  }));
}

/**
 * Runs in the page. Looks once a frame, and only after the page changed, so it adds
 * little to what it measures (the same for every page the bench compares).
 */
function watch(paths: string[]): void {
  const wanted = new Set(paths);
  const longest = Math.max(...paths.map((path) => path.length)) + 80;
  const watched: Watched = {};
  window.leafFirstPath = watched;
  let changed = true;
  const changes = new MutationObserver(() => {
    changed = true;
  });
  changes.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  addEventListener('resize', () => {
    changed = true;
  });

  const inWindow = (element: Element) => {
    const box = element.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.right > 0 &&
      box.top < innerHeight &&
      box.left < innerWidth
    );
  };
  const pathInWindow = () => {
    if (!document.body) return false;
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      // Not the page's scripts (megabytes each, not to be copied): a path's text is a path and some white space.
      if ((text as CharacterData).length > longest) continue;
      const element = text.parentElement;
      if (element && wanted.has(text.nodeValue?.trim() ?? '') && inWindow(element)) return true;
    }
    return false;
  };
  const hydrated = () => {
    const link = document.querySelector('[data-component-name="Menu/Menu"] a');
    return link !== null && Object.keys(link).some((key) => key.startsWith('__reactProps'));
  };

  // A requestAnimationFrame callback runs just before its frame's paint; `now` is that frame's time.
  const frame = (now: number) => {
    if (watched.hydrated === undefined && hydrated()) watched.hydrated = now;
    if (watched.firstPath === undefined && changed) {
      changed = false;
      if (pathInWindow()) watched.firstPath = now;
    }
    if (watched.firstPath === undefined || watched.hydrated === undefined) requestAnimationFrame(frame);
    else changes.disconnect();
  };
  requestAnimationFrame(frame);
}
