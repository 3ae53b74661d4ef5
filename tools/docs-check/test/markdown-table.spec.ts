import { tableRows } from '../src/markdown-table';

describe('tableRows', () => {
  it('splits table rows into trimmed cells, keeps escaped pipes, skips separators and prose', () => {
    const markdown = ['Some prose | with a pipe', '| scope | ids |', '|---|:--|', '| global | `string \\| null` |', '  | profile | `0001_init` |  '].join('\n');
    expect(tableRows(markdown)).toEqual([
      ['scope', 'ids'],
      ['global', '`string \\| null`'],
      ['profile', '`0001_init`'],
    ]);
  });
});
