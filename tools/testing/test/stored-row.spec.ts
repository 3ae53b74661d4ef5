import { rowOnColumns } from '../src';

describe('rowOnColumns', () => {
  const expected = { id: 'proj_1', title: 'T', goal: null };

  it('keeps the named columns and leaves out the other columns that are NULL', () => {
    expect(rowOnColumns({ id: 'proj_1', title: 'T', goal: null, venue: null }, expected)).toEqual(expected);
  });

  it('shows a value in a column the expectation does not name, and a named column the row lacks', () => {
    expect(rowOnColumns({ id: 'proj_1', title: 'T', goal: null, venue: 'Lyon' }, expected)).toEqual({ ...expected, venue: 'Lyon' });
    expect(rowOnColumns({ id: 'proj_1', title: 'T' }, expected)).toEqual({ id: 'proj_1', title: 'T', goal: '<no such column>' });
    expect(rowOnColumns({ id: 'proj_1', title: 'T', goal: 'g' }, expected)).not.toEqual(expected);
  });

  it('passes a missing row through', () => {
    expect(rowOnColumns(undefined, expected)).toBeUndefined();
  });
});
