package io.github.pcqualification.cli.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything is read or sent, that every file a bulk run touches is a different file (by real
 * path, through symbolic and hard links) and that the ones it writes can be written: the input, the report,
 * and the journal and its lock file. The run's temporary files are new files of unique names
 * ({@link #siblingName}), so they are never one of these.
 */
final class BulkPaths {

    private BulkPaths() {}

    /**
     * A name beside {@code output} for a file of one run, {@code <output>.<random>.<suffix>}, not yet created: drawn
     * from 64 random bits, so two runs writing the same report never share one.
     */
    static Path siblingName(Path output, String suffix) {
        String random = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() ^ System.nanoTime());
        return output.resolveSibling(output.getFileName() + "." + random + "." + suffix);
    }

    static void check(BulkJob.Options options) throws BulkInputException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("--input " + options.input(), options.input());
        files.put("--output " + options.output(), options.output());
        if (options.journal().isPresent()) {
            Path journal = options.journal().get();
            files.put("--journal " + journal, journal);
            files.put("the journal's lock file " + JournalLock.lockFile(journal), JournalLock.lockFile(journal));
        }
        List<Map.Entry<String, Path>> entries = new ArrayList<>(files.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (same(entries.get(i).getValue(), entries.get(j).getValue())) {
                    throw new BulkInputException(entries.get(j).getKey() + " is the same file as " + entries.get(i).getKey()
                            + ": give each its own file");
                }
            }
        }
        writable("--output", options.output());
        if (options.journal().isPresent()) {
            writable("--journal", options.journal().get());
        }
    }

    /** {@code file} is not a directory, and its folder exists and can be written (files are created beside it). */
    private static void writable(String option, Path file) throws BulkInputException {
        if (Files.isDirectory(file)) {
            throw new BulkInputException(option + " " + file + " is a directory: give a file name");
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BulkInputException(option + " " + file + ": the directory " + folder
                    + " does not exist; create it or choose another path");
        }
        if (!Files.isWritable(folder)) {
            throw new BulkInputException(option + " " + file + ": cannot write in the folder " + folder);
        }
        if (Files.exists(file) && !(Files.isRegularFile(file) && Files.isWritable(file) && Files.isReadable(file))) {
            throw new BulkInputException(option + " " + file + " cannot be read and written");
        }
    }

    /** Same file: equal real paths (a missing file: its folder's real path and its name), or one inode. */
    static boolean same(Path a, Path b) {
        if (real(a).equals(real(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path folder = absolute.getParent();
            if (folder == null || absolute.getFileName() == null) {
                return absolute;
            }
            try {
                return folder.toRealPath().resolve(absolute.getFileName());
            } catch (IOException e2) {
                return absolute;
            }
        }
    }
}
