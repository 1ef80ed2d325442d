/** Which of the two marked notes an MDX body uses: 资料未载明 (<Unstated>) and 本手册理解 (<Interpretation>). */
export function noteMarks(body: string | undefined): { unstated: boolean; interpretation: boolean } {
  return { unstated: /<Unstated[\s>]/.test(body ?? ''), interpretation: /<Interpretation[\s>]/.test(body ?? '') };
}
