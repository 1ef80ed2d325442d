// “编辑本页” belongs to `npm run dev` only: no file of the built site carries the link, its text or
// the editor's address.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultSite } from '../helpers/build.ts';
import { EDITOR_URL, editableFile } from '../../src/site/edit-link.ts';

describe('the editor link', () => {
  test('pages of one entry know their file; other pages have none', () => {
    expect(editableFile('/cases/anji-consultation-standard/')).toBe('cases/anji-consultation-standard.mdx');
    expect(editableFile('/handbook/methods/six-step-procedure/', '/handbook/')).toBe('methods/six-step-procedure.mdx');
    expect(editableFile('/guides/introduction')).toBe('guides/introduction.mdx');
    for (const page of ['/', '/cases/', '/terms/', '/search/', '/browse/level/community/', '/data/', '/methods/six-step-procedure/', '/x/y/']) {
      expect(editableFile(page, page.startsWith('/methods') ? '/handbook/' : '/'), page).toBeUndefined();
    }
  });

  test('no file of the built site carries “编辑本页” or the editor address', async () => {
    const site = await defaultSite();
    const files = (await readdir(site, { recursive: true, withFileTypes: true })).filter((f) => f.isFile() && /\.(html|js|css|json|xml|txt)$/.test(f.name));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      for (const needle of ['编辑本页', EDITOR_URL, '#/edit/', 'edit-page']) if (text.includes(needle)) found.push(`${path.relative(site, path.join(file.parentPath, file.name))}: ${needle}`);
    }
    expect(found).toEqual([]);
  });
});
