import { describe, expect, it } from 'vitest';
import { ModelTexts, replaceDescription } from '../../generator/incremental/model-patch.js';
import { type PatchableFile, patchScalar } from '../../generator/incremental/scalar-patch.js';
import { parseSpecFile } from '../../generator/load/yaml-file.js';

function patchable(text: string): PatchableFile {
  const { file } = parseSpecFile('/spec.yaml', 'spec.yaml', text);
  if (file.nodeOffsets === undefined) throw new Error('no offsets');
  return { text, value: file.value, offsets: file.nodeOffsets, shift: (offset) => offset };
}

const YAML = `info:
  title: Shelf
paths:
  /books:
    get:
      description: Lists the books.
      summary: List
      responses: {'200': {description: ok}}
  /shelves:
    get:
      description: |
        Lists the shelves,
        one by one.
      operationId: listShelves
`;

describe('patchScalar: one string scalar, re-read alone', () => {
  it('sets the new value in place, and moves later offsets by the edit', () => {
    const file = patchable(YAML);
    const value = file.value as { paths: Record<string, { get: Record<string, unknown> }> };
    const books = value.paths['/books']?.get;
    const next = YAML.replace('Lists the books.', 'Lists every book on the shelf.');
    const edit = patchScalar(file, next);
    expect(edit).toMatchObject({
      key: 'description',
      before: 'Lists the books.',
      after: 'Lists every book on the shelf.',
    });
    expect(edit?.container).toBe(books);
    expect(books?.['description']).toBe('Lists every book on the shelf.');
    // The next edit is found through the moved offsets: a block scalar, given a line.
    const shelves = value.paths['/shelves']?.get;
    const last =
      edit === undefined
        ? undefined
        : patchScalar(edit.file, next.replace('one by one.', 'one by one,\n        from the top.'));
    expect(last?.container).toBe(shelves);
    expect(shelves?.['description']).toBe('Lists the shelves,\none by one,\nfrom the top.\n');
    expect(last).toMatchObject({ lineDelta: 1 });
  });

  it('leaves alone what it cannot delimit or re-read as the same kind of value', () => {
    const cases: [string, string][] = [
      ['a flow mapping', YAML.replace('{description: ok}', '{description: fine}')],
      ['two scalars', YAML.replace('Lists the books.\n      summary: List', 'Lists books.\n      summary: Lists')],
      ['a new key', YAML.replace('      summary: List\n', '      summary: List\n      deprecated: true\n')],
      ['a key', YAML.replace('summary: List', 'summery: List')],
      ['a number', YAML.replace('description: Lists the books.', 'description: 12')],
    ];
    for (const [what, next] of cases) {
      const file = patchable(YAML);
      expect(patchScalar(file, next), what).toBeUndefined();
      expect(file.value, what).toEqual(patchable(YAML).value);
    }
    // An anchored text is also wherever it is aliased.
    const aliased = YAML.replace('description: Lists the books.', 'description: &d Lists the books.').replace(
      'summary: List',
      'summary: *d',
    );
    expect(patchScalar(patchable(aliased), aliased.replace('the books.', 'all books.'))).toBeUndefined();
  });
});

describe('the model patch: every copy of the old text replaced, the rest of the model kept as it was', () => {
  const shared = { kind: 'ref', name: 'Book', docs: { description: 'A book on the shelf.' } };
  const model = () => ({
    schemas: [
      { name: 'Book', docs: { description: 'A book on the shelf.' } },
      { name: 'Shelf', docs: {} },
    ],
    root: { operations: [{ returns: shared }, { returns: shared }], name: 'root' },
  });

  it('copies on write, keeping the objects it shares and those it did not touch', () => {
    const before = model();
    for (const patch of [
      (m: object) => replaceDescription(m, 'A book on the shelf.', 'A book.', {}),
      (m: object) => ModelTexts.of(m)?.replace(m, 'A book on the shelf.', 'A book.', {}),
    ]) {
      const result = patch(before);
      const after = result?.model as ReturnType<typeof model>;
      expect(result?.replaced).toBe(2);
      expect(after.schemas[0]?.docs.description).toBe('A book.');
      expect(after.root.operations[0]?.returns.docs.description).toBe('A book.');
      expect(after.root.operations[0]?.returns).toBe(after.root.operations[1]?.returns);
      expect(after.schemas[1]).toBe(before.schemas[1]);
      expect(before.schemas[0]?.docs.description).toBe('A book on the shelf.');
    }
  });

  it('refuses a text the model holds inside a longer one, or a model that holds the changed raw object', () => {
    const m = { ...model(), joined: 'Event: A book on the shelf.' };
    expect(replaceDescription(m, 'A book on the shelf.', 'A book.', {})).toBeUndefined();
    expect(ModelTexts.of(m)?.replace(m, 'A book on the shelf.', 'A book.', {})).toBeUndefined();
    const raw = { description: 'A book on the shelf.' };
    const holding = { ...model(), example: raw };
    expect(replaceDescription(holding, 'A book on the shelf.', 'A book.', raw)).toBeUndefined();
    expect(ModelTexts.of(holding)?.replace(holding, 'A book on the shelf.', 'A book.', raw)).toBeUndefined();
  });

  it('keeps its index right over several patches', () => {
    const m = model();
    const index = ModelTexts.of(m);
    const first = index?.replace(m, 'A book on the shelf.', 'A book.', {});
    const second = first === undefined ? undefined : index?.replace(first.model, 'A book.', 'One book.', {});
    const after = second?.model as ReturnType<typeof model>;
    expect(after.schemas[0]?.docs.description).toBe('One book.');
    expect(after.root.operations[1]?.returns.docs.description).toBe('One book.');
    expect((first?.model as ReturnType<typeof model> | undefined)?.schemas[0]?.docs.description).toBe('A book.');
  });
});
