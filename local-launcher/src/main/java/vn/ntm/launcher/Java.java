package vn.ntm.launcher;

import java.nio.file.Path;

/** Where the JDK running this launcher is; child JVMs use the same one. */
final class Java {

    private Java() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
