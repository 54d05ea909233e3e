// Registers tfjs-core's gradients (bundled by train-step.js, see there).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
