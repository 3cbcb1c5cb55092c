// The bootstrap API in one place; each estimator lives in its own file.
export {
  bootstrapPValue,
  DEFAULT_MEAN_MAX_DRAWS,
  DEFAULT_RATIO_MAX_DRAWS,
  type BootstrapMethod,
  type BootstrapOptions,
  type BootstrapResult,
} from './bootstrap-summary.ts';
export { bootstrapBinaryDelta, bootstrapClusteredBinaryDelta, type DeltaCounts } from './bootstrap-binary.ts';
export { bootstrapMeanDelta } from './bootstrap-mean.ts';
export { bootstrapRatioOfRatios, type RatioPair } from './bootstrap-ratio.ts';
export { bootstrapQuantileRatio } from './bootstrap-quantile.ts';
