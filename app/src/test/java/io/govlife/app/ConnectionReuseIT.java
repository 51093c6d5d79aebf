package io.govlife.app;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrators and load balancers poll over one connection: Tomcat's default closed it every 100 requests, which cost
 * the read path a third of its answers per second beside nginx (whose default is 1,000; BENCHMARKS.md).
 */
class ConnectionReuseIT extends LiveApplication {

    @Test
    void one_connection_serves_a_thousand_requests_before_the_server_closes_it() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = ("HEAD /actuator/health/liveness HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 1; i <= 1000; i++) {
                out.write(request);
                out.flush();
                String head = RawHttp.readHead(in);
                assertThat(head).as("answer %d", i).startsWith("HTTP/1.1 200");
                if (i < 1000) {
                    assertThat(head.toLowerCase()).as("answer %d keeps the connection", i)
                            .doesNotContain("connection: close");
                } else {
                    assertThat(head.toLowerCase()).as("the thousandth closes it").contains("connection: close");
                }
            }
        }
    }
}
