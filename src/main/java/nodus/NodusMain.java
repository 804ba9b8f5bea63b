package nodus;

import nodus.cli.NodusCli;
import org.springframework.boot.SpringApplication;

/**
 * Entry point of {@code nodus.jar}. With no arguments (or only {@code --property=value} overrides) it starts the
 * web app; with a command it runs a
 * command-line command (see {@link NodusCli}) and exits with that command's status. No command starts the web
 * server: commands that need the database start Spring without it.
 */
public final class NodusMain {

    private NodusMain() {
    }

    public static void main(String[] args) {
        // DJL phones home on engine start unless offline (see docs/decisions/0002-djl-offline.md).
        System.setProperty("ai.djl.offline", "true");
        if (startsWebApp(args)) {
            SpringApplication.run(NodusApplication.class, args);
            return;
        }
        System.exit(NodusCli.run(args));
    }

    /**
     * No arguments, or only Spring property overrides ({@code --server.port=9090 --nodus.data-home=/data}), start
     * the web app; anything else is a command.
     */
    static boolean startsWebApp(String... args) {
        for (String arg : args) {
            if (!arg.matches("--[a-zA-Z][\\w.\\-\\[\\]]*=.*")) {
                return false;
            }
        }
        return true;
    }
}
