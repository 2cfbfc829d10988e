/** The learning curves' vocabulary, shared by the chart (MetricChart) and its canvas (CurvePlot). */
import type { CurvePoint, PlotPoint } from '../../client/chartAxis';

export interface Series {
  name: string;
  color: string;
  /** An earlier run overlaid for comparison. */
  dashed?: boolean;
  points: CurvePoint[];
}

/** A horizontal dashed line at a fixed value (a baseline's test accuracy), labelled. */
export interface Reference {
  name: string;
  value: number;
  color: string;
}

export interface StepMark {
  step: number;
  label: string;
}

/** A series as drawn: its points on the axis, downsampled, and how many there were before. */
export interface Drawn {
  series: Series;
  total: number;
  points: PlotPoint[];
}
