package nodus.deeplearning.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.backbone.Backbone;

/**
 * torchvision's published ImageNet weight files (torchvision.models, {@code Weights.IMAGENET1K_*.url}) and their
 * loading from the pretrained folder ({@code model-registry/pretrained/} unless configured). The 8 hex digits in
 * each file name are the start of its SHA-256, which {@link WeightsProvenance#matchesTorchvisionHashPrefix()}
 * checks.
 */
public final class TorchvisionWeights {

    /** Default folder, relative to the working directory. */
    public static final Path DEFAULT_FOLDER = Path.of("model-registry", "pretrained");
    /** Where torchvision downloads from. */
    public static final String BASE_URL = "https://download.pytorch.org/models/";

    private TorchvisionWeights() {
    }

    /** Known file names, preferred first (IMAGENET1K_V1, the weights of the reference study's era, then V2). */
    public static List<String> fileNames(Architecture a) {
        return switch (a) {
            case RESNET50 -> List.of("resnet50-0676ba61.pth", "resnet50-11ad3fa6.pth");
            case RESNET101 -> List.of("resnet101-63fe2227.pth", "resnet101-cd907fc2.pth");
            case WIDE_RESNET50_2 -> List.of("wide_resnet50_2-95faca4d.pth", "wide_resnet50_2-9ba9bcbe.pth");
            case VGG19 -> List.of("vgg19-dcbb9e9d.pth");
            case INCEPTION_V3 -> List.of("inception_v3_google-0cc3c7bd.pth");
        };
    }

    /** The first known file for {@code a} present in {@code folder}. */
    public static Optional<Path> find(Architecture a, Path folder) {
        for (String name : fileNames(a)) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code file} and loads it onto the initialised {@code net}. For a 2- or 3-class network the
     * 1000-class head in the file is skipped ({@code replaceHead}); Inception-v3's auxiliary head is always
     * skipped. Build Inception-v3 with {@code inceptionTransformInput=true} for these weights, as torchvision does.
     *
     * @throws WeightsException if the file is not a state dict or does not fit the network exactly
     */
    public static StateDictLoader.Report load(Backbone net, Path file) throws IOException {
        StateDict sd = TorchStateDictReader.read(file);
        boolean replaceHead = net.numClasses() != 1000;
        return StateDictLoader.load(net, sd, StateDictLoader.Options.torchvision(net, replaceHead));
    }
}
