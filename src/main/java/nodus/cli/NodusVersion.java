package nodus.cli;

import picocli.CommandLine;

final class NodusVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = NodusVersion.class.getPackage().getImplementationVersion();
        return new String[] {"nodus " + (version == null ? "dev" : version)};
    }
}
