/** ECharts with only what the result chart uses, to keep the bundle small. */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomInsideComponent, GridComponent, LegendScrollComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TitleComponent, TooltipComponent, LegendScrollComponent, DataZoomInsideComponent, CanvasRenderer]);

export { echarts };
export type EChart = echarts.ECharts;
