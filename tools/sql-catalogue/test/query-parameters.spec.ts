import { defineQuery, globalQueryBuilder, type QueryParams } from '@lepupitre/db-core';
import { describeParameters, parameterSlots } from '../src/query-parameters';

describe('parameterSlots', () => {
  it('lists named arguments and compiled constants in their positions', () => {
    const activate = defineQuery((p: QueryParams<{ id: string; now: string }>) =>
      globalQueryBuilder.updateTable('profiles').set({ is_active: 1, last_opened_at: p.now }).where('id', '=', p.id).limit(2),
    );
    expect(parameterSlots(activate)).toEqual([{ constant: 1 }, { name: 'now' }, { name: 'id' }, { constant: 2 }]);
    expect(describeParameters(parameterSlots(activate))).toBe('?1 = 1, ?2 now, ?3 id, ?4 = 2');
  });

  it('repeats an argument used twice and says none for a query without parameters', () => {
    const twice = defineQuery((p: QueryParams<{ name: string }>) =>
      globalQueryBuilder.selectFrom('profiles').select('id').where('name', '=', p.name).where('id', '!=', p.name),
    );
    expect(describeParameters(parameterSlots(twice))).toBe('?1 name, ?2 name');
    expect(describeParameters(parameterSlots(defineQuery(() => globalQueryBuilder.selectFrom('profiles').select('id'))))).toBe('none');
  });

  it('quotes string constants', () => {
    const ofName = defineQuery(() => globalQueryBuilder.selectFrom('profiles').select('id').where('name', '=', 'Ada'));
    expect(describeParameters(parameterSlots(ofName))).toBe('?1 = "Ada"');
  });
});
