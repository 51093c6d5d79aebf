package io.govlife.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP/1.1 written byte for byte over a socket: the request target and headers go out exactly as given, where an
 * HTTP client library would normalise a path or refuse to set {@code Host}. Reads the status line and headers,
 * and the body only when asked (a stream never ends).
 */
final class RawHttp {

    record Reply(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /** Sends with {@code Host: localhost:port} unless the headers name another. */
    static Reply send(int port, String method, String target, List<String> headers, String body, boolean readBody) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            host |= headers.get(i).equalsIgnoreCase("Host");
            request.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        if (!host) {
            request.append("Host: localhost:").append(port).append("\r\n");
        }
        request.append("Connection: close\r\nContent-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head.length() < 12) {
                return new Reply(400, "(connection closed)", "");
            }
            String text = readBody ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
            return new Reply(Integer.parseInt(head.substring(9, 12)), head, text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
