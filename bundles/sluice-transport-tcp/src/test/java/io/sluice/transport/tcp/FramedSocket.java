package io.sluice.transport.tcp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * A plain blocking socket speaking OpenVPN's framing by hand: the independent peer the
 * transport is tested against.
 */
final class FramedSocket implements AutoCloseable {

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    FramedSocket(InetSocketAddress to) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        // Reads never hang a broken test for good.
        socket.setSoTimeout((int) java.util.concurrent.TimeUnit.SECONDS.toMillis(RecordingReceiver.TIMEOUT_SECONDS));
        socket.connect(to, (int) java.util.concurrent.TimeUnit.SECONDS.toMillis(RecordingReceiver.TIMEOUT_SECONDS));
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static byte[] frame(byte[] packet) {
        byte[] framed = new byte[2 + packet.length];
        framed[0] = (byte) (packet.length >>> 8);
        framed[1] = (byte) packet.length;
        System.arraycopy(packet, 0, framed, 2, packet.length);
        return framed;
    }

    void writeFrame(byte[] packet) throws IOException {
        out.write(frame(packet));
        out.flush();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] readFrame() throws IOException {
        int length = in.readUnsignedShort();
        byte[] packet = new byte[length];
        in.readFully(packet);
        return packet;
    }

    /** Whether the other side closed: the next read finds the end of the stream (or a reset). */
    boolean readsEndOfStream() throws IOException {
        try {
            return in.read() < 0;
        } catch (EOFException | SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
