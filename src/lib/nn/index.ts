/** flipshift's neural-net library: layers, losses, optimisers, models, training loop. */
import './layers/builtin';
import './digits-zoo';

export type * from './types';
export { matmul, type MatmulOptions } from './matmul';
export { heNormal, xavierUniform, initWeights, type InitKind } from './init';
export { size, tensor, makeParam } from './tensor';
export { Dense, type DenseOptions } from './layers/dense';
export { Conv2d, type Conv2dOptions } from './layers/conv';
export { MaxPool2d, PNormPool2d, Flatten, type PoolLayerOptions } from './layers/pool';
export { Dropout, BatchNorm, checkDropoutRate, type BatchNormOptions } from './layers/regularize';
export { defaultOps } from './kernels';
export { ReLU, LeakyReLU, Sigmoid, Tanh } from './layers/activations';
export { softmax, SoftmaxCrossEntropy, MeanSquaredError } from './losses';
export * from './optim';
export { Sequential } from './sequential';
export { registerLayer, buildLayer, layerKinds, type LayerFactory } from './registry';
export * from './serialize';
export * from './train';
export * from './zoo';
export { buildCnn, buildMlp } from './digits-zoo';
export { parseDigits, digitImage, digitsDataset, type Digits } from './digits';
import './recurrent/zoo';
