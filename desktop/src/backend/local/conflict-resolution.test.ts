import { describe, expect, it } from 'vitest';
import { resolveConflict } from './conflict-resolution.ts';

const refused = {
  productId: 'p1',
  fields: { name: 'Mine', material: 'suede', heelHeightMm: 85 },
  base: { name: 'Old', material: 'leather', heelHeightMm: 80 },
};
const conflicts = [
  { field: 'name', theirs: 'Theirs' },
  { field: 'material', theirs: 'nappa' },
];

describe('a conflict resolution', () => {
  it('goes against the refusal’s version when the mirror has not caught up', () => {
    const plan = resolveConflict(
      refused,
      conflicts,
      4,
      { version: 2, values: {} },
      { name: 'mine', material: 'theirs' },
    );
    expect(plan).toEqual({
      kind: 'send',
      edit: {
        productId: 'p1',
        baseVersion: 4,
        fields: { name: 'Mine', heelHeightMm: 85 },
        base: { name: 'Theirs', heelHeightMm: 80 },
      },
    });
  });

  it('goes against the mirror when it is newer, leaving out fields already as wanted', () => {
    const server = { version: 6, values: { name: 'Theirs 2', material: 'nappa', heelHeightMm: 85 } };
    expect(resolveConflict(refused, conflicts, 4, server, { name: 'mine', material: 'theirs' })).toEqual({
      kind: 'send',
      edit: { productId: 'p1', baseVersion: 6, fields: { name: 'Mine' }, base: { name: 'Theirs 2' } },
    });
  });

  it('names the fields still to choose, and has nothing to send when all is as chosen', () => {
    expect(resolveConflict(refused, conflicts, 4, null, { name: 'mine' })).toEqual({
      kind: 'choice-missing',
      fields: ['material'],
    });
    const server = { version: 4, values: { name: 'Theirs', material: 'nappa', heelHeightMm: 85 } };
    expect(resolveConflict(refused, conflicts, 4, server, { name: 'theirs', material: 'theirs' })).toEqual({
      kind: 'nothing-left',
    });
  });
});
