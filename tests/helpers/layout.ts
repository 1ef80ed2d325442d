/**
 * A layout check that axe, the HTML checker and Lighthouse do not make: text that no one can read
 * because of how it is laid out. `findLayoutProblems` runs inside the page (pass it to
 * `page.evaluate`), so it must stay self-contained: no imports, no helpers outside its body.
 *
 * It reports:
 * - `narrow`: a run of `minRun` or more characters laid out one a line, in line boxes narrower
 *   than `narrowEm` characters (the facts panel squeezed to 5 em: 协/商/事/例 one under another);
 * - `scroll`: the page scrolls sideways (the document is wider than the window);
 * - `overflow`: a line of text sticks out of the box it is laid out in, sideways, where nothing
 *   scrolls or clips it;
 * - `split`: a short label (a link, button, summary or label of its own box, as in a row of
 *   links) broken across lines: 术/语, 资料来/源. In running text a link may break as the
 *   sentence does; this is about labels laid out as boxes.
 */
export interface LayoutFinding {
  kind: 'narrow' | 'scroll' | 'overflow' | 'split';
  /** A short CSS-like path to the element: `div.facts > dl > div > dd`. */
  where: string;
  /** The first characters of the text concerned. */
  text: string;
  detail: string;
}

export interface LayoutOptions {
  /** How many characters, one a line, make a finding. */
  minRun: number;
  /** Lines narrower than this many em count as one character a line. */
  narrowEm: number;
  /** Pixels of slack for rounding. */
  tolerance: number;
  /** Labels up to this many characters must stay on one line. */
  labelChars: number;
}

export const LAYOUT_DEFAULTS: LayoutOptions = { minRun: 3, narrowEm: 2, tolerance: 1, labelChars: 8 };

export function findLayoutProblems(options: LayoutOptions): LayoutFinding[] {
  const { minRun, narrowEm, tolerance, labelChars } = options;
  const findings: LayoutFinding[] = [];
  const seen = new Set<string>();
  const describe = (el: Element | null): string => {
    const parts: string[] = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const cls = [...e.classList].filter((c) => !c.startsWith('astro-')).slice(0, 2);
      parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + cls.map((c) => `.${c}`).join(''));
    }
    return parts.join(' > ');
  };
  const add = (finding: LayoutFinding) => {
    const key = `${finding.kind}|${finding.where}|${finding.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };

  // Sideways scroll of the page itself.
  const root = document.documentElement;
  const viewport = root.clientWidth;
  if (root.scrollWidth > viewport + tolerance) {
    add({ kind: 'scroll', where: 'html', text: '', detail: `page is ${root.scrollWidth}px wide in a ${viewport}px window` });
  }

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, '');
    if (!text) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, noscript, template, [hidden]')) continue;

    // The block the text is laid out in, and whether something between clips or scrolls it.
    let block: Element | null = parent;
    while (block && ['inline', 'contents'].includes(getComputedStyle(block).display)) block = block.parentElement;
    if (!block) continue;
    let clipped = false;
    for (let e: Element | null = parent; e && e !== root; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.overflowX !== 'visible' || style.clipPath !== 'none') {
        clipped = true;
        break;
      }
    }

    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    const em = parseFloat(getComputedStyle(parent).fontSize) || 16;

    // One character a line: consecutive line boxes of this text, each narrower than narrowEm.
    let run = 0;
    let longest = 0;
    for (const r of rects) {
      run = r.width < narrowEm * em ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (text.length >= minRun && longest >= minRun) {
      add({ kind: 'narrow', where: describe(parent), text: text.slice(0, 12), detail: `${longest} lines narrower than ${narrowEm} characters` });
    }

    // A short label laid out as a box of its own, broken across lines.
    const lines = new Set(rects.map((r) => Math.round(r.top + r.height / 2))).size;
    if (lines > 1 && text.length <= labelChars && !/\s/.test((node.textContent ?? '').trim()) && block.matches('a, button, summary, label')) {
      add({ kind: 'split', where: describe(block), text, detail: `${text.length} characters on ${lines} lines` });
    }

    // Text sticking out of its block sideways (clipped or scrolled text is the container's business).
    if (clipped) continue;
    const box = block.getBoundingClientRect();
    const style = getComputedStyle(block);
    const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    const beyond = (r: DOMRect) => Math.max(r.right - right, left - r.left);
    let out = Math.max(0, ...rects.map(beyond));
    if (out > tolerance) {
      // Spaces that hang at the end of a line (white-space: pre-wrap) are not text sticking out.
      out = 0;
      const value = node.textContent ?? '';
      const one = document.createRange();
      for (let i = 0; i < value.length; i++) {
        if (/\s/.test(value[i]!)) continue;
        one.setStart(node, i);
        one.setEnd(node, i + 1);
        for (const r of one.getClientRects()) out = Math.max(out, beyond(r));
      }
    }
    if (out > tolerance) {
      add({ kind: 'overflow', where: describe(block), text: text.slice(0, 12), detail: `text sticks out of its box by ${Math.round(out)}px` });
    }
  }
  return findings;
}

/** Findings as one line each, for a readable test failure. */
export function formatFindings(label: string, findings: LayoutFinding[]): string[] {
  return findings.map((f) => `${label}: ${f.kind} ${f.where}${f.text ? ` “${f.text}”` : ''} (${f.detail})`);
}
