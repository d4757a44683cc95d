package io.sluice.itests.karaf;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots the Sluice distribution as built by this reactor (its tar.gz), with free ports for
 * the SSH shell and JMX so that tests never collide with anything running on the machine.
 */
public abstract class SluiceKarafTestSupport {

    /** The packed distribution this reactor built, handed in by failsafe. */
    protected static File distributionArchive() {
        String path = System.getProperty("sluice.distribution");
        if (path == null) {
            throw new IllegalStateException("system property sluice.distribution is not set (run through mvn verify)");
        }
        File f = new File(path);
        if (!f.isFile()) {
            throw new IllegalStateException("the distribution is not built: " + f);
        }
        return f;
    }

    protected Option[] distribution() {
        List<Option> options = new ArrayList<>();
        options.add(karafDistributionConfiguration().frameworkUrl(distributionArchive().toURI().toString()).name("Sluice")
                .unpackDirectory(new File("target/exam")).useDeployFolder(false));
        options.add(configureConsole().ignoreLocalConsole());
        options.add(logLevel(LogLevel.WARN));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null) {
            // The container fetches Pax Exam's own bundles from the build's local repository.
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", repo));
            options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(repo));
        }
        return options.toArray(new Option[0]);
    }

    private static String freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }
}
