// What the static first paint (scripts/site_pages.py) and the app must agree on: the page's frame and start
// page as an outline of elements, attributes and text, so a spec can compare the two.
import type { Page } from '@playwright/test';

/** The outline of the body's skip link, header, main and footer: tags, attributes (sorted, without
 *  `data-static`, and without `disabled`: the static page's controls are disabled until the app runs) and
 *  text, one line per element. The about text is left out: the app renders it from
 *  Markdown into a collapsed `<details>`, the static page leaves that empty. */
export async function outline(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lines: string[] = [];
    const walk = (el: Element, depth: number) => {
      const attrs = [...el.attributes]
        .filter((a) => a.name !== 'data-static' && a.name !== 'disabled')
        .map((a) => `${a.name}="${a.value}"`)
        .sort()
        .join(' ');
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      lines.push(`${'  '.repeat(depth)}<${el.tagName.toLowerCase()} ${attrs}> ${text}`);
      if (el.matches('details.about .prose')) return;
      for (const child of el.children) walk(child, depth + 1);
    };
    for (const el of document.querySelectorAll('body > .skip-link, body > header, body > main, body > footer')) {
      walk(el, 0);
    }
    return lines;
  });
}
