package nodus;

import nodus.cli.NodusCli;
import org.springframework.boot.SpringApplication;

/**
 * Entry point of {@code nodus.jar}. With no arguments it starts the web app; with arguments it runs a
 * command-line command (see {@link NodusCli}) and exits with that command's status. No command starts the web
 * server: commands that need the database start Spring without it.
 */
public final class NodusMain {

    private NodusMain() {
    }

    public static void main(String[] args) {
        // DJL phones home on engine start unless offline (see docs/decisions/0002-djl-offline.md).
        System.setProperty("ai.djl.offline", "true");
        if (args.length == 0) {
            SpringApplication.run(NodusApplication.class, args);
            return;
        }
        System.exit(NodusCli.run(args));
    }
}
