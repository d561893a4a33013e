package io.github.pcqualification.cli;

import io.github.pcqualification.auth.msal.TokenCacheFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code logout}: forget the sign-in {@code login} kept (removes the token cache file). */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Forget the sign-in kept by login: remove its token cache file. Exit 0 also when there was none.")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    QualificationCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path path = Credentials.tokenCache(root.environment()).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "no sign-in to forget: neither " + Credentials.TOKEN_CACHE + " nor HOME is set"));
        try {
            boolean removed = TokenCacheFile.at(path).remove();
            spec.commandLine().getOut().println(removed
                    ? "Signed out: removed " + path
                    : "Not signed in: there is no token cache at " + path);
            return ExitCodes.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: could not remove " + path + " (" + e.getClass().getSimpleName()
                    + "): remove it yourself; it holds a refresh token");
            return ExitCodes.UNEXPECTED;
        }
    }
}
