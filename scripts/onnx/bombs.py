"""Writes ONNX files that are valid protobuf but built to exhaust a reader (issue 28), and times
`./perceptron info` on each: exit code, first line of its error, seconds, peak resident memory.

Usage: bombs.py DIR [MB]   (MB: the size of the largest bombs, default 100)
"""
import os
import resource
import subprocess
import sys
import time


def varint(value):
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        out.append(low | 0x80 if value else low)
        if not value:
            return bytes(out)


def field(number, payload):
    """A length-delimited field."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def model(graph):
    opset = field(8, field(1, b'') + varint(2 << 3) + varint(13))
    return varint(1 << 3) + varint(8) + opset + field(7, graph)


def repeated(number, element, size):
    one = field(number, element)
    return one * (size // len(one))


def bombs(mb):
    size = mb << 20
    yield 'empty nodes', model(repeated(1, b'', size))
    yield 'empty graph inputs', model(repeated(11, b'', size))
    yield 'empty initializers', model(repeated(5, b'', size))
    yield 'metadata entries', varint(1 << 3) + varint(8) + repeated(14, b'', size)
    yield 'inputs of one node', model(field(1, repeated(1, b'', size)))
    yield 'dims of one tensor', model(field(5, (varint(1 << 3) + varint(1)) * (size // 2)))
    floats = 1 << 24
    listed = b''.join([varint(1 << 3) + varint(4096), varint(1 << 3) + varint(4096), varint(2 << 3) + varint(1)])
    yield 'a tensor of 16 M floats listed one by one', model(field(5, listed + (varint(4 << 3 | 5) + b'\0\0\0\0') * floats))


PEAK = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
        "sys.stderr.write('%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def main():
    directory = sys.argv[1]
    mb = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    os.makedirs(directory, exist_ok=True)
    print('| bomb | file MB | exit | seconds | peak RSS MB | first line of the error |')
    print('|---|---|---|---|---|---|')
    for name, content in bombs(mb):
        path = os.path.join(directory, name.replace(' ', '-') + '.onnx')
        with open(path, 'wb') as out:
            out.write(content)
        del content
        start = time.monotonic()
        # A fresh wrapper per bomb: RUSAGE_CHILDREN's peak is the largest of all children so far.
        run = subprocess.run([sys.executable, '-c', PEAK, './perceptron', 'info', '--model', path],
                             capture_output=True, text=True, timeout=600)
        seconds = time.monotonic() - start
        stderr, _, peak = run.stderr.rstrip('\n').rpartition('\n')
        peak = int(peak) / 1024
        line = (stderr.strip().splitlines() or [''])[0].replace(path, name + '.onnx')
        print('| %s | %.0f | %d | %.2f | %.0f | %s |' % (name, os.path.getsize(path) / 1048576, run.returncode, seconds,
                                                       peak, line[:160].replace('|', '\\|')))
        os.remove(path)


if __name__ == '__main__':
    main()
