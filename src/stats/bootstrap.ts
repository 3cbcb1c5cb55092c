// The bootstrap API in one place; each estimator lives in its own file.
export {
  DEFAULT_RATIO_MAX_DRAWS,
  type BootstrapMethod,
  type BootstrapOptions,
  type BootstrapResult,
} from './bootstrap-summary.ts';
export { bootstrapRatioOfRatios, type RatioPair } from './bootstrap-ratio.ts';
export { bootstrapQuantileRatio } from './bootstrap-quantile.ts';
export { bootstrapClusteredQuantileRatio } from './bootstrap-quantile-clustered.ts';
