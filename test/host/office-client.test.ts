/** The adapter through Microsoft's own Excel client (@microsoft/office-js), answered over the wire. */
import { recalculate } from '../../src/host/calc/recalculate';
import { GRID_FIXTURES } from '../fixtures/grids';
import { comparable, officeClientHost } from './helpers';

test('readWorkbook through the client gives the source grid', async () => {
  const source = GRID_FIXTURES['seed000-table1-formulas']!();
  const { excel, host, wire } = officeClientHost(source);
  const read = await host.readWorkbook();
  expect(comparable(read.workbook)).toEqual(comparable(recalculate(source)));
  expect(excel.stats.syncs).toBe(3);
  expect(wire.server.wireStats.cleanupRequests).toBe(1);
});
