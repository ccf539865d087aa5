/** A plot's numbers as a table (src/plot/data-table.ts): the shapes and the number format, without a DOM. */
import { describe, expect, it } from 'vitest';
import { cellText, tableData, type TableWords } from '../../../src/plot/data-table';

const WORDS: TableWords = {
  caption: 'Data',
  trace: (index) => `trace ${index}`,
  traceColumn: 'Trace',
  value: 'Value',
  capped: (shown, total) => `${shown} of ${total}`,
};

describe('tableData', () => {
  it('puts curves over one shared x side by side, named by trace and axis titles', () => {
    const x = [-1, 0, 1];
    const data = tableData(
      [
        { name: 'relu', x, y: [0, 0, 1] },
        { x: [-1, 0, 1], y: new Float64Array([0.27, 0.5, 0.73]) },
      ],
      { xaxis: { title: 'input' } },
      WORDS,
    );
    expect(data).toEqual({
      columns: ['input', 'relu', 'trace 2'],
      rows: [
        [-1, 0, 0.27],
        [0, 0, 0.5],
        [1, 1, 0.73],
      ],
    });
  });

  it('lists one row per point when the curves have different x', () => {
    const data = tableData(
      [
        { name: 'a', x: [0, 1], y: [1, 2] },
        { name: 'b', x: [5], y: [6] },
      ],
      undefined,
      WORDS,
    );
    expect(data).toEqual({
      columns: ['Trace', 'x', 'y'],
      rows: [
        ['a', 0, 1],
        ['a', 1, 2],
        ['b', 5, 6],
      ],
    });
  });

  it('lists a heatmap cell by cell (x, y, value)', () => {
    const data = tableData(
      [
        {
          type: 'heatmap',
          x: [0, 1],
          y: [10, 20],
          z: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
      undefined,
      WORDS,
    );
    expect(data.columns).toEqual(['Trace', 'x', 'y', 'Value']);
    expect(data.rows).toEqual([
      ['trace 1', 0, 10, 1],
      ['trace 1', 1, 10, 2],
      ['trace 1', 0, 20, 3],
      ['trace 1', 1, 20, 4],
    ]);
  });

  it('numbers a curve without x by position', () => {
    expect(tableData([{ y: [3, 4] }], undefined, WORDS)).toEqual({
      columns: ['#', 'trace 1'],
      rows: [
        [0, 3],
        [1, 4],
      ],
    });
  });
});

describe('cellText', () => {
  it('shows four significant digits, gaps as empty cells, labels as they are', () => {
    expect([0.123456, 1234567, 1e-7, null, undefined, NaN, 'B'].map(cellText)).toEqual(['0.1235', '1235000', '1e-7', '', '', 'NaN', 'B']);
  });
});
