"""Half-sent requests against a running `perceptron serve` on loopback (issue 25, finding 3).

Three attacks, each bounded in connections and time, each followed by a probe that asks
GET /healthz until it is answered:
  gone       N connections send half their headers and close at once;
  held       N connections send half their headers and stay open;
  sustained  for S seconds, N connections are kept half-sent (any the server closes is opened
             again), while a client asks GET /healthz one request at a time, 2 s timeout each.
Prints one line per attack. Usage: half_sent.py PORT [N] [S]
"""
import socket
import sys
import threading
import time

HALF = b'POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Unfinished'


def half_sent(port):
    s = socket.create_connection(('127.0.0.1', port), timeout=5)
    s.sendall(HALF)
    return s


def healthz(port, timeout):
    """Seconds until an answer of 200, or None."""
    start = time.monotonic()
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=timeout) as c:
            c.settimeout(max(0.1, timeout - (time.monotonic() - start)))
            c.sendall(b'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
            if c.recv(64).startswith(b'HTTP/1.1 200'):
                return time.monotonic() - start
    except OSError:
        pass
    return None


def first_answer(port, limit):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if healthz(port, limit - (time.monotonic() - start)) is not None:
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def said(seconds, limit):
    return 'no answer within %d s' % limit if seconds is None else 'answered after %.2f s' % seconds


def main():
    port = int(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    duration = float(sys.argv[3]) if len(sys.argv) > 3 else 20
    limit = 60

    for s in [half_sent(port) for _ in range(n)]:
        s.close()
    print('gone: %d half-sent connections closed at once; a client then %s' % (n, said(first_answer(port, limit), limit)))

    held = [half_sent(port) for _ in range(n)]
    print('held: %d half-sent connections kept open; a client then %s' % (n, said(first_answer(port, limit), limit)))
    for s in held:
        s.close()
    time.sleep(1)

    stop = time.monotonic() + duration
    opened = [0]

    def attacker():
        pool = []
        while time.monotonic() < stop:
            alive = []
            for s in pool:
                try:
                    s.settimeout(0)
                    if s.recv(1) == b'':
                        s.close()
                        continue
                except BlockingIOError:
                    pass
                except OSError:
                    s.close()
                    continue
                alive.append(s)
            pool = alive
            while len(pool) < n and time.monotonic() < stop:
                try:
                    pool.append(half_sent(port))
                    opened[0] += 1
                except OSError:
                    break
            time.sleep(0.05)
        for s in pool:
            s.close()

    thread = threading.Thread(target=attacker)
    thread.start()
    time.sleep(0.5)
    latencies, asked = [], 0
    while time.monotonic() < stop:
        asked += 1
        answer = healthz(port, 2)
        if answer is not None:
            latencies.append(answer)
    thread.join()
    latencies.sort()
    median = latencies[len(latencies) // 2] * 1000 if latencies else float('nan')
    print('sustained: %d half-sent connections kept up for %.0f s (%d opened); %d of %d requests answered within 2 s'
          ' (%.0f%%), median %.0f ms' % (n, duration, opened[0], len(latencies), asked,
                                         100.0 * len(latencies) / max(1, asked), median))


if __name__ == '__main__':
    main()
