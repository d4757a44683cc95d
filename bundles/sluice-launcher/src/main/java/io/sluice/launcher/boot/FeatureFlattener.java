package io.sluice.launcher.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Turns Karaf features into a static list of bundles to start, without Karaf's features
 * resolver.
 *
 * <p>Why: a fresh instance resolving its boot features takes several seconds on a small
 * machine, and {@code bin/sluice} starts a fresh container each time. The features named
 * here are Sluice's own and Karaf's {@code framework} and {@code scr}, all built to work
 * together, so listing their bundles in order is enough: nested features first, then the
 * feature's bundles, each bundle once at its lowest start level. {@code <conditional>}
 * content is left out (it is for the shell, web console and management, which a launcher
 * instance does not run).
 */
final class FeatureFlattener {

    private final Map<String, List<Element>> featuresByName = new HashMap<>();
    private final int defaultStartLevel;

    private FeatureFlattener(int defaultStartLevel) {
        this.defaultStartLevel = defaultStartLevel;
    }

    /** Reads the given features repositories (XML files). */
    static FeatureFlattener read(List<Path> repositories, int defaultStartLevel) throws IOException {
        FeatureFlattener f = new FeatureFlattener(defaultStartLevel);
        DocumentBuilder builder = newBuilder();
        for (Path repo : repositories) {
            Document doc;
            try (InputStream in = Files.newInputStream(repo)) {
                doc = builder.parse(in);
            } catch (SAXException e) {
                throw new IOException("cannot read features repository " + repo + ": " + e.getMessage(), e);
            }
            for (Element feature : children(doc.getDocumentElement(), "feature")) {
                f.featuresByName.computeIfAbsent(feature.getAttribute("name"), k -> new ArrayList<>()).add(feature);
            }
        }
        return f;
    }

    /**
     * The bundles of {@code features}, in start order, leaving out bundles whose artifact id
     * is in {@code excludedArtifacts}.
     *
     * @throws IOException when a feature is not in any repository
     */
    List<BootBundle> flatten(List<String> features, Set<String> excludedArtifacts) throws IOException {
        Map<String, BootBundle> bundles = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        for (String name : features) {
            add(name, visited, bundles);
        }
        List<BootBundle> result = new ArrayList<>();
        for (BootBundle b : bundles.values()) {
            if (!excludedArtifacts.contains(b.artifactId())) {
                result.add(b);
            }
        }
        return result;
    }

    private void add(String name, Set<String> visited, Map<String, BootBundle> bundles) throws IOException {
        if (!visited.add(name)) {
            return;
        }
        List<Element> candidates = featuresByName.get(name);
        if (candidates == null) {
            throw new IOException("feature '" + name + "' is in none of the features repositories");
        }
        // Several versions of one feature: the last repository read wins, as it is the most specific.
        Element feature = candidates.get(candidates.size() - 1);
        int featureLevel = intAttribute(feature, "start-level", defaultStartLevel);
        for (Element nested : children(feature, "feature")) {
            add(nested.getTextContent().trim(), visited, bundles);
        }
        for (Element bundle : children(feature, "bundle")) {
            String location = bundle.getTextContent().trim();
            int level = intAttribute(bundle, "start-level", featureLevel);
            BootBundle known = bundles.get(location);
            if (known == null || known.startLevel() > level) {
                bundles.put(location, new BootBundle(location, level));
            }
        }
    }

    private static int intAttribute(Element e, String name, int dflt) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? dflt : Integer.parseInt(v.trim());
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && localName.equals(localName(n))) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static DocumentBuilder newBuilder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }
}
