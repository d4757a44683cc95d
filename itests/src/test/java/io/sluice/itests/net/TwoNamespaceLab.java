package io.sluice.itests.net;

/**
 * The lab most tunnels need: a server namespace and a client namespace joined by one veth link,
 * and a PKI, in a fresh {@link NetLab}. Closing it removes everything, as the lab does; if
 * setting it up fails, what was made is removed before the failure goes on.
 *
 * @param lab           the lab, for processes and further namespaces
 * @param serverAddress the server end's IPv4 address on the link (198.18.0.0/15)
 */
public record TwoNamespaceLab(NetLab lab, Ns serverNs, Ns clientNs, Link link, String serverAddress, TestPki pki)
        implements AutoCloseable {

    public static TwoNamespaceLab open(String name) {
        NetLab lab = NetLab.open(name);
        try {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            return new TwoNamespaceLab(lab, serverNs, clientNs, link, link.a().v4(),
                    TestPki.create(lab.dir().resolve("pki")));
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    @Override
    public void close() {
        lab.close();
    }
}
