"""Writes the ONNX interop fixtures (onnx-adapter/src/test/resources/interop/): MLPs exported as
users export them, each with its framework's own probabilities for MNIST test images 0-99, so that
the Java test needs no Python.

  PyTorch, legacy exporter (dynamo=False), opset 17: torch_legacy.onnx
  PyTorch, today's default torch.onnx.export(model, x, path): dynamo, weights in torch_dynamo.onnx.data
  PyTorch, dynamo, ending in Softmax: torch_dynamo_softmax.onnx (+ .data)
  scikit-learn MLPClassifier, in the graph skl2onnx writes for it (built with onnx.helper: skl2onnx
  is not installable here), with ZipMap and without: sklearn_zipmap.onnx, sklearn_plain.onnx;
  checked against onnxruntime before it is kept.

Each NAME.onnx has NAME.expected.txt: 100 lines of 10 probabilities. inputs.u8 holds the 100
images, 784 bytes each. Needs torch, onnx, onnxscript, onnxruntime, scikit-learn and numpy.

Usage: interop_fixtures.py MNIST_DIR OUT_DIR
"""
import gzip
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import TensorProto, helper, numpy_helper
from sklearn.neural_network import MLPClassifier


def idx(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory, stem):
    for name in (stem, stem + '.gz'):
        if os.path.exists(os.path.join(directory, name)):
            return os.path.join(directory, name)
    raise SystemExit('no %s in %s' % (stem, directory))


def write_expected(path, probabilities):
    with open(path, 'w') as out:
        for row in probabilities:
            out.write(' '.join(repr(float(p)) for p in row) + '\n')


def torch_fixtures(train_x, train_y, test_x, out):
    torch.manual_seed(7)
    for name, softmax in (('torch_legacy', False), ('torch_dynamo', False), ('torch_dynamo_softmax', True)):
        layers = [torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)]
        net = torch.nn.Sequential(*layers)
        optimiser = torch.optim.SGD(net.parameters(), lr=0.1)
        x = torch.tensor(train_x, dtype=torch.float32)
        y = torch.tensor(train_y, dtype=torch.long)
        for start in range(0, len(x), 100):
            optimiser.zero_grad()
            torch.nn.functional.cross_entropy(net(x[start:start + 100]), y[start:start + 100]).backward()
            optimiser.step()
        model = torch.nn.Sequential(net, torch.nn.Softmax(dim=1)) if softmax else net
        model.eval()
        sample = torch.tensor(test_x[:2], dtype=torch.float32)
        path = os.path.join(out, name + '.onnx')
        if name == 'torch_legacy':
            torch.onnx.export(model, (sample,), path, dynamo=False, opset_version=17, input_names=['pixels'],
                              output_names=['scores'], dynamic_axes={'pixels': {0: 'batch'}, 'scores': {0: 'batch'}})
        else:
            # Exactly what a user types; today it means dynamo=True and external data.
            torch.onnx.export(model, (sample,), path)
        with torch.no_grad():
            scores = model(torch.tensor(test_x, dtype=torch.float32))
            probabilities = scores if softmax else torch.softmax(scores, dim=1)
        write_expected(os.path.join(out, name + '.expected.txt'), probabilities.numpy())


def sklearn_fixtures(train_x, train_y, test_x, out):
    classifier = MLPClassifier(hidden_layer_sizes=(32,), max_iter=20, random_state=7).fit(train_x, train_y)
    expected = classifier.predict_proba(test_x)
    for name, zipmap in (('sklearn_zipmap', True), ('sklearn_plain', False)):
        nodes = [helper.make_node('Cast', ['float_input'], ['cast_input'], to=TensorProto.FLOAT)]
        initializers = []
        current = 'cast_input'
        for i, (coef, bias) in enumerate(zip(classifier.coefs_, classifier.intercepts_)):
            initializers += [numpy_helper.from_array(coef.astype(np.float32), 'coefficient%d' % i),
                             numpy_helper.from_array(bias.astype(np.float32), 'intercepts%d' % i)]
            nodes += [helper.make_node('MatMul', [current, 'coefficient%d' % i], ['mul_result%d' % i]),
                      helper.make_node('Add', ['mul_result%d' % i, 'intercepts%d' % i], ['add_result%d' % i])]
            current = 'add_result%d' % i
            if i < len(classifier.coefs_) - 1:
                nodes.append(helper.make_node('Relu', [current], ['relu_result%d' % i]))
                current = 'relu_result%d' % i
        nodes += [helper.make_node('Softmax', [current], ['out_activations_result'], axis=1),
                  helper.make_node('ArgMax', ['out_activations_result'], ['argmax_output'], axis=1),
                  helper.make_node('ArrayFeatureExtractor', ['classes', 'argmax_output'], ['array_feature_extractor_result'],
                                   domain='ai.onnx.ml'),
                  helper.make_node('Reshape', ['array_feature_extractor_result', 'shape_tensor'], ['reshaped_result']),
                  helper.make_node('Cast', ['reshaped_result'], ['label'], to=TensorProto.INT64)]
        initializers += [numpy_helper.from_array(classifier.classes_.astype(np.int64), 'classes'),
                         numpy_helper.from_array(np.array([-1], dtype=np.int64), 'shape_tensor')]
        outputs = [helper.make_tensor_value_info('label', TensorProto.INT64, [None])]
        if zipmap:
            nodes.append(helper.make_node('ZipMap', ['out_activations_result'], ['output_probability'],
                                          classlabels_int64s=[int(c) for c in classifier.classes_], domain='ai.onnx.ml'))
            outputs.append(helper.make_tensor_sequence_value_info(
                'output_probability', TensorProto.UNDEFINED, None))
            outputs[-1] = helper.make_value_info('output_probability', helper.make_sequence_type_proto(
                helper.make_map_type_proto(TensorProto.INT64, helper.make_tensor_type_proto(TensorProto.FLOAT, []))))
        else:
            nodes.append(helper.make_node('Identity', ['out_activations_result'], ['probabilities']))
            outputs.append(helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, [None, 10]))
        graph = helper.make_graph(nodes, 'mlp_classifier', [helper.make_tensor_value_info('float_input', TensorProto.FLOAT,
                                                                                        [None, 784])], outputs, initializers)
        model = helper.make_model(graph, producer_name='skl2onnx', opset_imports=[helper.make_opsetid('', 17),
                                                                                 helper.make_opsetid('ai.onnx.ml', 1)])
        model.ir_version = 8
        onnx.checker.check_model(model, full_check=True)
        path = os.path.join(out, name + '.onnx')
        onnx.save(model, path)
        session = ort.InferenceSession(path)
        answer = session.run(None, {'float_input': test_x.astype(np.float32)})[1]
        if zipmap:
            answer = np.array([[row[c] for c in classifier.classes_] for row in answer])
        assert np.abs(answer - expected).max() < 1e-5, np.abs(answer - expected).max()
        write_expected(os.path.join(out, name + '.expected.txt'), expected)


def main():
    mnist, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    train_images = idx(find(mnist, 'train-images-idx3-ubyte'))[:6000].reshape(-1, 784)
    train_labels = idx(find(mnist, 'train-labels-idx1-ubyte'))[:6000]
    test_images = idx(find(mnist, 't10k-images-idx3-ubyte'))[:100].reshape(-1, 784)
    with open(os.path.join(out, 'inputs.u8'), 'wb') as f:
        f.write(test_images.tobytes())
    train_x = train_images.astype(np.float32) / 255
    test_x = test_images.astype(np.float32) / 255
    torch_fixtures(train_x, train_labels.astype(np.int64), test_x, out)
    sklearn_fixtures(train_x, train_labels, test_x, out)
    for name in sorted(os.listdir(out)):
        print('%-36s %9d bytes' % (name, os.path.getsize(os.path.join(out, name))))


if __name__ == '__main__':
    main()
