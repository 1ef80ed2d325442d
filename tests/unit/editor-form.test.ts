// The editor's forms are generated from the field registry and the schemas: a field added to the
// registry appears as a form control with no change to the editor.
import { describe, expect, test } from 'vitest';
import { caseFields, type CaseField } from '../../src/schemas/fields.ts';
import { taxonomies } from '../../src/schemas/taxonomies.ts';
import { allForms, caseForm, type Control } from '../../scripts/lib/editor/form.ts';

const byPath = (controls: readonly Control[], path: string) => controls.find((c) => c.path.join('.') === path);

describe('forms from the registry and the schemas', () => {
  const model = { fields: caseFields, taxonomies };
  const forms = allForms(model);

  test('a case: taxonomy values as choices with Chinese labels and 不详, several where several, references, dates, inferred marks', () => {
    const controls = forms.cases.controls;
    const level = byPath(controls, 'level')!;
    expect(level).toMatchObject({ kind: 'choice', many: false, required: true, inferable: 'level' });
    expect(level.kind === 'choice' && level.options).toContainEqual({ value: 'community', label: '社区' });
    const forms_ = byPath(controls, 'forms')!;
    expect(forms_).toMatchObject({ kind: 'choice', many: true, unknown: true, inferable: 'forms' });
    expect(forms_.kind === 'choice' && forms_.options.at(-1)).toEqual({ value: 'unknown', label: '不详' });
    expect(byPath(controls, 'region.province')).toMatchObject({ kind: 'choice', label: '省级行政区', inferable: 'region' });
    const province = byPath(controls, 'region.province')!;
    expect(province.kind === 'choice' && province.options.map((o) => o.value)).toEqual(expect.arrayContaining(['浙江省', '不详']));
    expect(byPath(controls, 'date')).toMatchObject({ kind: 'date', unknown: true, inferable: 'date' });
    expect(byPath(controls, 'methods')).toMatchObject({ kind: 'reference', many: true, collection: 'methods' });
    expect(byPath(controls, 'models')).toMatchObject({ kind: 'reference', many: true, collection: 'models' });
    expect(byPath(controls, 'partOf')).toMatchObject({ kind: 'reference', many: false, collection: 'cases' });
    expect(byPath(controls, 'sources')).toMatchObject({ kind: 'reference', many: true, collection: 'sources', supports: true, required: true });
    expect(byPath(controls, 'outcome.status')).toMatchObject({ kind: 'choice', inferable: 'status' });
    expect(byPath(controls, 'participants')).toMatchObject({ kind: 'texts' });
    // Derived fields (id, year, completeness) are not written, so not controls; `inferred` is the marks.
    for (const path of ['id', 'year', 'completeness', 'inferred', 'region']) expect(byPath(controls, path), path).toBeUndefined();
    expect(controls.filter((c) => c.inferable).map((c) => c.inferable).sort()).toEqual(['date', 'forms', 'level', 'region', 'status', 'topics']);
  });

  test('steps and model parts are ordered lists of small forms; other collections come from their schemas', () => {
    const steps = byPath(forms.methods.controls, 'steps')!;
    expect(steps.kind).toBe('items');
    expect(steps.kind === 'items' && steps.item.map((c) => `${c.path.join('.')}:${c.kind}`)).toEqual(['title:text', 'summary:text', 'who:text', 'output:text', 'sources:reference']);
    const parts = byPath(forms.models.controls, 'parts')!;
    expect(parts.kind === 'items' && parts.item.map((c) => c.kind)).toEqual(['count', 'text', 'text', 'texts', 'texts', 'boolean', 'boolean']);
    expect(byPath(forms.models.controls, 'kind')).toMatchObject({ kind: 'choice', options: [{ value: 'composition', label: '人员构成' }, { value: 'schedule', label: '年度安排' }, { value: 'training', label: '培训体系' }] });
    expect(byPath(forms.terms.controls, 'related')).toMatchObject({ kind: 'reference', collection: 'terms' });
    expect(byPath(forms.sources.controls, 'date')).toMatchObject({ kind: 'date', unknown: false, required: false });
    expect(byPath(forms.sources.controls, 'complete')).toMatchObject({ kind: 'boolean', required: true });
  });

  test('a field added to a copy of the registry appears as a form control, with its values and 不详', () => {
    const funding: CaseField = {
      name: 'funding', label: '资金来源', many: false, coded: true, facts: 'always', taxonomy: 'funding' as CaseField['taxonomy'], unknown: true,
      values: () => [],
    };
    const registry = [...caseFields.slice(0, 5), funding, ...caseFields.slice(5)];
    const extended = { ...taxonomies, funding: { label: '资金来源', values: { public: '财政资金', social: '社会资金', self: '自筹' } } };
    const form = caseForm({ fields: registry, taxonomies: extended });
    const control = byPath(form.controls, 'funding');
    expect(control).toMatchObject({ kind: 'choice', label: '资金来源', many: false, unknown: true });
    expect(control!.kind === 'choice' && control!.options).toEqual([
      { value: 'public', label: '财政资金' }, { value: 'social', label: '社会资金' }, { value: 'self', label: '自筹' }, { value: 'unknown', label: '不详' },
    ]);
    // In the registry's order, and the handbook's own form is unchanged.
    expect(form.controls.map((c) => c.path.join('.')).indexOf('funding')).toBe(form.controls.map((c) => c.path.join('.')).indexOf('kind') + 1);
    expect(byPath(caseForm({ fields: caseFields, taxonomies }).controls, 'funding')).toBeUndefined();
    // A free-text field with several values becomes a list of texts.
    const tags: CaseField = { name: 'keywords', label: '关键词', many: true, values: () => [] };
    expect(byPath(caseForm({ fields: [...caseFields, tags], taxonomies }).controls, 'keywords')).toMatchObject({ kind: 'texts', label: '关键词' });
  });
});
