package nodus.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command-line face: {@code java -jar nodus.jar <command> …}. Each feature adds its command class
 * to {@code subcommands}. Commands print results to standard output and one-line errors to standard error, and
 * return 0 on success, 1 on a failed computation, 2 on bad usage or bad input.
 */
@Command(name = "nodus",
        mixinStandardHelpOptions = true,
        versionProvider = NodusVersion.class,
        description = "Nodus — deep learning radiomics workbench. Without a command, `java -jar nodus.jar` starts "
                + "the web app.",
        subcommands = {
                CommandLine.HelpCommand.class,
                EvaluateCommand.class,
                RadiomicsCommand.class,
                ModelsCommand.class,
                ImportCommand.class,
                DemoCommand.class,
                SplitCommand.class,
                BenchmarkBackbonesCommand.class,
                FinetuneCommand.class,
                PredictCommand.class,
                RunStudyCommand.class,
                WorkerCommand.class
        })
public final class NodusCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new NodusCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // One line for bad usage, not the whole usage text: scripts read the first line.
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            err.println("nodus: " + ex.getMessage() + " (see `nodus --help`)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            err.println("nodus " + cmd.getCommandName() + ": " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return commandLine.execute(args);
    }
}
