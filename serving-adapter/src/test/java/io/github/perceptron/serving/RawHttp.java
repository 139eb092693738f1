package io.github.perceptron.serving;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** Bytes on a socket, for requests no HTTP client would send. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} whole, then reads until the server closes or 10 s pass. */
    static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before all of it is sent.
            }
            return readAll(socket.getInputStream());
        }
    }

    static String exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(UTF_8));
    }

    /** Everything until the end of the stream; a reset after an answer ends it too. */
    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (IOException reset) {
            // A reset after the answer was read is fine.
        }
        return bytes.toString(UTF_8);
    }

    /** The body of a raw answer: what follows the blank line. */
    static String body(String answer) {
        int blank = answer.indexOf("\r\n\r\n");
        return blank < 0 ? "" : answer.substring(blank + 4);
    }
}
