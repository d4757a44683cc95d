package io.sluice.config;

/** The {@code topology} values; OpenVPN 2.7 (and Sluice) default to {@link #SUBNET}, 2.6 to {@link #NET30}. */
public enum Topology {
    NET30("net30"), P2P("p2p"), SUBNET("subnet");

    private final String keyword;

    Topology(String keyword) {
        this.keyword = keyword;
    }

    /** The keyword as written. */
    public String keyword() {
        return keyword;
    }

    /** The topology for a keyword, or {@code null}. */
    public static Topology fromKeyword(String s) {
        for (Topology t : values()) {
            if (t.keyword.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
