/**
 * The simulated chart objects against @types/office-js where the adapter uses them (as in
 * simulated-types.test.ts): what the adapter writes or calls must be accepted.
 */
import type { SimChartAxis, SimChartAxisTitle, SimChartCollection, SimChartFill, SimChartLegend, SimChartProxy, SimChartSeriesCollection, SimChartSeriesProxy, SimChartTitle } from '../../src/host/simulated/charts';

type Reads<Sim, Real, K extends keyof Sim & keyof Real> = { [P in K]: Sim[P] extends Real[P] ? true : false }[K];
type Writes<Sim, Real, K extends keyof Sim & keyof Real> = { [P in K]: Real[P] extends Sim[P] ? true : false }[K];
type Arity<Sim, Real, K extends keyof Sim & keyof Real> = { [P in K]: Sim[P] extends (...args: never[]) => unknown ? (Real[P] extends (...args: never[]) => unknown ? true : false) : false }[K];

type Checks = [
  Reads<SimChartProxy, Excel.Chart, 'name' | 'isNullObject'>,
  Writes<SimChartProxy, Excel.Chart, 'name'>,
  Arity<SimChartProxy, Excel.Chart, 'setPosition' | 'delete'>,
  Reads<SimChartCollection, Excel.ChartCollection, 'count'>,
  Arity<SimChartCollection, Excel.ChartCollection, 'add' | 'getItem' | 'getItemOrNullObject'>,
  Writes<SimChartTitle, Excel.ChartTitle, 'text'>,
  Writes<SimChartLegend, Excel.ChartLegend, 'visible'>,
  Writes<SimChartSeriesProxy, Excel.ChartSeries, 'name' | 'gapWidth'>,
  Arity<SimChartSeriesProxy, Excel.ChartSeries, 'setValues' | 'setXAxisValues' | 'delete'>,
  Arity<SimChartSeriesCollection, Excel.ChartSeriesCollection, 'add' | 'getItemAt'>,
  Arity<SimChartFill, Excel.ChartFill, 'setSolidColor' | 'clear'>,
  Writes<SimChartAxis, Excel.ChartAxis, 'reversePlotOrder'>,
  Writes<SimChartAxisTitle, Excel.ChartAxisTitle, 'text'>,
];

type AllTrue<T extends readonly boolean[]> = T[number] extends true ? true : false;
const shapesMatch: AllTrue<Checks> = true;

test('the simulated chart objects match @types/office-js where the adapter uses them', () => {
  expect(shapesMatch).toBe(true);
});
