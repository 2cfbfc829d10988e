// Unit tests run tfjs on its cpu backend under Node (tfjs-node cannot be installed here).
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');
await tf.ready();
