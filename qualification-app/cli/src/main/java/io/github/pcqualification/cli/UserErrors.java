package io.github.pcqualification.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * Faults of the user's environment (files, ports, disk space, memory) told as what went wrong and what to
 * do: never "this is a bug", never a stack trace.
 */
final class UserErrors {

    static final String OUT_OF_MEMORY_HINT = "give Java more memory and run the same command again, e.g."
            + " QUALIFICATION_JAVA_OPTS=-Xmx2g (or JAVA_OPTS for java -jar); a bulk run with --journal resumes";

    private UserErrors() {}

    /** The I/O problem behind {@code e}, if it is one (an {@link IOException} or one wrapped unchecked). */
    static Optional<IOException> ioProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
            if (!(t instanceof UncheckedIOException)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** What went wrong, naming the file when the exception knows it, and what to do; one line. */
    static String describe(IOException e) {
        String file = e instanceof FileSystemException fs ? fs.getFile() : null;
        String what;
        if (e instanceof NoSuchFileException) {
            what = "no such file or directory; check the path";
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied; make it readable (and writable when the tool writes it) or choose another path";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "already exists; remove it or choose another path";
        } else if (e instanceof NotDirectoryException) {
            what = "not a directory; check the path";
        } else if (e instanceof CharacterCodingException) {
            what = "not UTF-8 text; save the file as UTF-8 (Excel: \"CSV UTF-8\") and run again";
        } else if (e instanceof BindException) {
            what = "cannot listen there (" + e.getMessage() + "): the port is in use or not allowed; choose another"
                    + " port, or 0 for a free one";
        } else if (isDiskFull(e)) {
            what = "the disk is full: free space and run the same command again";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            what = fs.getReason();
        } else {
            what = String.valueOf(e.getMessage());
        }
        return file == null ? what : file + ": " + what;
    }

    /** True when {@code e} says the disk (or the user's quota) is full. */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded")
                    || message.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }
}
