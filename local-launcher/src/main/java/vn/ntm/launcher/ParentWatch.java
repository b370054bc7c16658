package vn.ntm.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs a launcher's {@code main} and exits (so its shutdown hooks stop what it started) once the process that
 * started it has gone. {@code ./mvnw -Prun} starts the launcher through the exec plugin as a child of Maven: Ctrl-C
 * reaches both, but a SIGTERM to Maven alone (a service manager, an IDE's stop button, {@code kill}) ended Maven and
 * left the whole platform running. Usage: {@code java ... vn.ntm.launcher.ParentWatch <main class> [args...]}.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("Usage: ParentWatch <main class> [arguments...]");
            System.exit(2);
        }
        exitWhenParentExits();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Watches the parent process from a daemon thread; when it exits, this JVM exits with 143 (as after SIGTERM), and
     * the shutdown hooks — {@link LocalPlatform}'s stops every service, the broker and PostgreSQL — run.
     */
    public static void exitWhenParentExits() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle maven = parent.get();
        maven.onExit().thenRun(() -> {
            System.err.println("The process that started the platform (pid " + maven.pid()
                    + ") has ended: stopping the platform.");
            System.exit(143);
        });
    }
}
