package nodus.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Deletes a test's data home ({@link FreshDataHome}) when its Spring context closes — when the context cache
 * evicts it or the test JVM exits. Fine-tuned runs leave checkpoints of hundreds of MB there, and CI runs the
 * suite twice on one disk (a full run of leaked homes filled it).
 *
 * <p>The janitor is the first disposable bean registered, so the context destroys it last, after the job engine,
 * the web server and the connection pool have stopped.
 */
final class TestDataHomeJanitor implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** One per context; equal to every other so that it does not split the context cache. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
                factory.registerDisposableBean("nodusTestDataHomeJanitor",
                        () -> deleteIfTestHome(context.getEnvironment().getProperty("nodus.data-home")));
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    /** Only a folder that {@link FreshDataHome} made in the temporary folder is ever deleted. */
    static void deleteIfTestHome(String home) {
        if (home == null) {
            return;
        }
        Path dir = Path.of(home).toAbsolutePath().normalize();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (!dir.getFileName().toString().startsWith(FreshDataHome.PREFIX) || !tmp.equals(dir.getParent())) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a file still being written by a stopping thread: what is left goes with the temporary folder
            System.err.println("could not delete test data home " + dir + ": " + e);
        }
    }
}
