package nodus.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions a model was made with, read from the jars' Maven metadata (nothing is imported from them). */
final class LibraryVersions {

    private LibraryVersions() {
    }

    static Map<String, String> current() {
        Map<String, String> v = new LinkedHashMap<>();
        String nodus = LibraryVersions.class.getPackage().getImplementationVersion();
        v.put("nodus", nodus == null ? "dev" : nodus);
        String commit = System.getenv("NODUS_GIT_COMMIT");
        if (commit != null && !commit.isBlank()) {
            v.put("nodus_git_commit", commit.trim());
        }
        v.put("java", System.getProperty("java.version"));
        put(v, "spring-boot", "org.springframework.boot", "spring-boot");
        // DJL's jars (built with Gradle) carry no Maven metadata: their manifest has the version.
        fromManifest(v, "djl", "ai/djl/Model.class");
        fromManifest(v, "djl-pytorch-engine", "ai/djl/pytorch/engine/PtEngine.class");
        put(v, "tribuo", "org.tribuo", "tribuo-core");
        put(v, "mlflow-client", "org.mlflow", "mlflow-client");
        return v;
    }

    /** Specification-Version of the manifest of the jar holding {@code classResource} (a name, not an import). */
    private static void fromManifest(Map<String, String> v, String name, String classResource) {
        java.net.URL url = LibraryVersions.class.getClassLoader().getResource(classResource);
        if (url == null || !url.toString().endsWith("!/" + classResource)) {
            return;
        }
        String manifest = url.toString().substring(0, url.toString().length() - classResource.length())
                + "META-INF/MANIFEST.MF";
        try (InputStream in = java.net.URI.create(manifest).toURL().openStream()) {
            String version = new java.util.jar.Manifest(in).getMainAttributes().getValue("Specification-Version");
            if (version != null) {
                v.put(name, version);
            }
        } catch (IOException | IllegalArgumentException e) {
            // unknown version: left out
        }
    }

    private static void put(Map<String, String> v, String name, String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = LibraryVersions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                v.put(name, p.getProperty("version"));
            }
        } catch (IOException e) {
            // unknown version: left out
        }
    }
}
