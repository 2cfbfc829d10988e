/**
 * The data half of the exported Python script: how each source is read and encoded,
 * the same way the playground did it. Iris: TensorFlow's CSV format (first line
 * `rows,features,class names`). MNIST: tf.keras.datasets.mnist or the IDX files, /255.
 * A CSV: see pythonCsv.ts. Each piece defines `add_data_args(parser)` and
 * `load_data(args)` -> {"train": (x, y), "test": (x, y)[, "validation": (x, y)]}.
 */
import { csvData, type PythonData } from './pythonCsv';
import type { CheckpointMeta } from './types';

const IRIS = `
IRIS_TRAIN_URL = "https://download.tensorflow.org/data/iris_training.csv"
IRIS_TEST_URL = "https://download.tensorflow.org/data/iris_test.csv"


def add_data_args(parser):
    parser.add_argument("--train", default="iris_training.csv", help="TensorFlow-format CSV (downloaded when absent)")
    parser.add_argument("--test", default="iris_test.csv", help="TensorFlow-format CSV (downloaded when absent)")


def read_tensorflow_csv(path, url):
    """TensorFlow's CSV format: line 1 is \`rows,features,class names...\`, then features and a class id."""
    import numpy as np
    import tensorflow as tf
    if not os.path.exists(path):
        path = tf.keras.utils.get_file(os.path.basename(url), url)
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    return data[:, :-1].astype(np.float32), data[:, -1].astype(np.int32)


def load_data(args):
    x_train, y_train = read_tensorflow_csv(args.train, IRIS_TRAIN_URL)
    x_test, y_test = read_tensorflow_csv(args.test, IRIS_TEST_URL)
    return {"train": (x_train, y_train), "test": (x_test, y_test)}
`;

const MNIST = `
MNIST_VALIDATION = 5000  # read_data_sets holds out the first 5,000 training images


def add_data_args(parser):
    parser.add_argument("--idx-dir", default=None, help="folder with the four MNIST IDX files (.gz or not); default: tf.keras.datasets.mnist")


def read_idx(path):
    """An IDX file (big-endian header: magic, then one uint32 per dimension) as a uint8 array."""
    import numpy as np
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_idx(folder, stem):
    for name in (stem, stem + ".gz"):
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    raise SystemExit("missing " + stem + " in " + folder)


def load_data(args):
    import numpy as np
    import tensorflow as tf
    if args.idx_dir:
        x_train = read_idx(find_idx(args.idx_dir, "train-images-idx3-ubyte"))
        y_train = read_idx(find_idx(args.idx_dir, "train-labels-idx1-ubyte"))
        x_test = read_idx(find_idx(args.idx_dir, "t10k-images-idx3-ubyte"))
        y_test = read_idx(find_idx(args.idx_dir, "t10k-labels-idx1-ubyte"))
    else:
        (x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
    # 784 inputs in [0, 1], as read_data_sets does: images * (1.0 / 255.0)
    flat = lambda images: images.reshape(len(images), -1).astype(np.float32) / 255.0
    x_train, x_test = flat(x_train), flat(x_test)
    y_train, y_test = y_train.astype(np.int32), y_test.astype(np.int32)
    return {
        "train": (x_train[MNIST_VALIDATION:], y_train[MNIST_VALIDATION:]),
        "validation": (x_train[:MNIST_VALIDATION], y_train[:MNIST_VALIDATION]),
        "test": (x_test, y_test),
    }
`;

/** The data code for `meta`'s source. */
export function pythonData(meta: CheckpointMeta, csvFileName?: string): PythonData {
  switch (meta.datasetSource) {
    case 'iris':
      return { code: IRIS, about: "the tf.estimator Iris tutorial's iris_training.csv and iris_test.csv" };
    case 'mnist':
      return { code: MNIST, about: "MNIST (all 60,000 training digits; the playground ships 10,000), scaled to [0, 1]", featureNames: '[]  # 784 pixels, row by row' };
    case 'csv':
      if (meta.schema === null) throw new Error('A CSV checkpoint needs its schema.');
      return csvData(meta, meta.schema, csvFileName);
    default: {
      const unknown: never = meta.datasetSource;
      throw new Error(`Unknown data set source ${String(unknown)}`);
    }
  }
}
