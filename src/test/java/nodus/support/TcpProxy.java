package nodus.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, for outage tests: {@link #stop()} closes the listening
 * socket and every open connection (clients see "connection refused"), {@link #start()} listens again on the same
 * port. With {@link #dropReplies(boolean)} it forwards requests but closes the client's connection as soon as the
 * server answers: the server did the work, the client never hears of it (a lost response). Only loopback
 * addresses are involved; threads are daemons and end with the sockets.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean dropReplies;
    private int port;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A proxy in front of an http://host:port URL. */
    public static TcpProxy forUrl(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return new TcpProxy(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    public synchronized TcpProxy start() {
        if (server != null) {
            return this;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = s.getLocalPort();
            server = s;
            Thread acceptor = new Thread(() -> accept(s), "tcp-proxy-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public synchronized void stop() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    public void dropReplies(boolean drop) {
        this.dropReplies = drop;
        if (drop) {
            // Kept-alive connections would otherwise carry on in the old mode.
            for (Socket socket : open) {
                closeQuietly(socket);
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                boolean drop = dropReplies;
                pipe(client, upstream, false);
                pipe(upstream, client, drop);
            } catch (IOException e) {
                // closed by stop(), or the target refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean dropAndClose) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[1 << 15];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (dropAndClose) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
