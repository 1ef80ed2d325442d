import { pinyin } from 'pinyin-pro';

/**
 * Proposes an ASCII kebab-case id for a file name, e.g. `中山街停车` → `zhong-shan-jie-ting-che`.
 * Letters and digits are kept (lower-cased); Chinese becomes pinyin without tones.
 */
export function proposeId(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const id = syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'new-entry';
}
