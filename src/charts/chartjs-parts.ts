/**
 * The parts of Chart.js the charts use (bars, the zero line, two scales, title, subtitle, legend).
 * The build compiles this file on its own, tree-shaken and minified, into dist/vendor/, so drawing a
 * PNG loads 170 KB instead of all of Chart.js (520 KB in two files).
 */
import { BarController, BarElement, CategoryScale, Colors, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title } from 'chart.js';

export { Chart, Ticks } from 'chart.js';

/** Named as Chart.js names its full list, so that the sources, run directly, can use Chart.js itself. */
export const registerables = [
  BarController,
  BarElement,
  CategoryScale,
  Colors,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
];
