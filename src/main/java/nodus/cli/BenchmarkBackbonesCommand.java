package nodus.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nodus.deeplearning.BackboneBenchmark;
import nodus.deeplearning.backbone.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nodus benchmark-backbones}: training and feature-extraction images/s and peak memory per backbone, each
 * (backbone, mode) in a fresh JVM so that its peak resident memory (VmHWM) is its own.
 */
@Command(name = "benchmark-backbones", mixinStandardHelpOptions = true,
        description = "Measure training and feature-extraction images/s and peak memory per backbone "
                + "(224², Inception-v3 299²), each in a fresh JVM.")
public final class BenchmarkBackbonesCommand implements Callable<Integer> {

    @Option(names = "--backbones", split = ",",
            defaultValue = "resnet50,resnet101,wide_resnet50_2,vgg19,inception_v3", description = "Comma-separated torchvision names (default: all five).")
    List<String> backbones;

    @Option(names = "--modes", split = ",", defaultValue = "TRAIN,EXTRACT", description = "TRAIN and/or EXTRACT.")
    List<BackboneBenchmark.Mode> modes;

    @Option(names = "--batch", defaultValue = "8", description = "Images per batch (default 8).")
    int batch;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed batches first (default 2).")
    int warmup;

    @Option(names = "--batches", defaultValue = "5", description = "Timed batches (default 5).")
    int batches;

    @Option(names = "--xmx", defaultValue = "1g",
            description = "Heap of each child JVM (default 1g; VmHWM counts the heap).")
    String xmx;

    @Option(names = "--output", description = "Also write the Markdown table to this file.")
    Path output;

    @Option(names = "--in-process", hidden = true, description = "Run one measurement in this JVM (internal).")
    boolean inProcess;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || batches < 1 || warmup < 0) {
            System.err.println("benchmark-backbones: --batch and --batches must be ≥ 1, --warmup ≥ 0");
            return 2;
        }
        List<Architecture> archs = new ArrayList<>();
        for (String b : backbones) {
            archs.add(Architecture.parse(b.trim()));
        }
        if (inProcess) {
            if (archs.size() != 1 || modes.size() != 1) {
                System.err.println("benchmark-backbones: --in-process takes one backbone and one mode");
                return 2;
            }
            System.out.println(BackboneBenchmark.run(archs.get(0), modes.get(0), batch, warmup, batches).line());
            return 0;
        }
        List<BackboneBenchmark.Result> results = new ArrayList<>();
        for (Architecture a : archs) {
            for (BackboneBenchmark.Mode m : modes) {
                BackboneBenchmark.Result r = child(a, m);
                if (r == null) {
                    return 1;
                }
                System.out.println(r.line());
                results.add(r);
            }
        }
        String table = table(results);
        System.out.print(table);
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(output, table, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private BackboneBenchmark.Result child(Architecture a, BackboneBenchmark.Mode m)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-Dai.djl.offline=true"));
        // the switches that change what is measured go to the child too (see docs/deployment.md)
        for (String p : new String[] {"nodus.djl.cache", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "nodus.channels-last",
            "nodus.thp", "nodus.malloc.tuning"}) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator) && isBootJar(cp)) {
            cmd.addAll(List.of("-jar", cp));
        } else {
            cmd.addAll(List.of("-cp", cp, "nodus.NodusMain"));
        }
        cmd.addAll(List.of("benchmark-backbones", "--in-process", "--backbones", a.torchvisionName(),
                "--modes", m.name(), "--batch", Integer.toString(batch), "--warmup", Integer.toString(warmup),
                "--batches", Integer.toString(batches)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DJL_OFFLINE", "true");
        Process p = pb.start();
        BackboneBenchmark.Result result = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = BackboneBenchmark.Result.parse(line);
                } else {
                    tail.add(line);
                    if (tail.size() > 20) {
                        tail.remove(0);
                    }
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || result == null) {
            System.err.println("benchmark-backbones: " + a.torchvisionName() + " " + m + " failed (exit " + rc
                    + "): " + String.join(" | ", tail));
            return null;
        }
        return result;
    }

    /** A Spring Boot fat jar (java -jar nodus.jar) restarts through its own launcher. */
    private static boolean isBootJar(String jar) {
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar)) {
            return j.getManifest() != null && j.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    static String table(List<BackboneBenchmark.Result> results) {
        StringBuilder b = new StringBuilder();
        b.append("| backbone | input | batch | mode | images/s | RSS after set-up (MiB) | peak RSS (MiB) |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (BackboneBenchmark.Result r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d² | %d | %s | %.2f | %.0f | %.0f |%n",
                    r.architecture().torchvisionName(), r.size(), r.batch(),
                    r.mode() == BackboneBenchmark.Mode.TRAIN ? "training" : "feature extraction",
                    r.imagesPerSecond(), r.setupRssMiB(), r.peakRssMiB()));
        }
        return b.toString();
    }
}
