package org.incidentatlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.incidentatlas.testsupport.SeedReports;
import org.junit.jupiter.api.Test;

/**
 * The seed reports are third-party text: facts may carry over into the project, wording may not.
 * No run of {@value #RUN} consecutive words of a seed may appear in any file of the repository.
 */
class SeedTextIsNotCopiedTest {

    static final int RUN = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "data", "node_modules", ".mvn", ".idea");

    @Test
    void noSentenceOfASeedReportIsInTheRepository() throws IOException {
        Set<String> seedRuns = new HashSet<>();
        for (Path seed : SeedReports.reports()) {
            seedRuns.addAll(runs(Files.readString(seed)));
        }
        assertThat(seedRuns).hasSizeGreaterThan(1000);

        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            for (Path file : files.filter(Files::isRegularFile).filter(SeedTextIsNotCopiedTest::inRepository).toList()) {
                String text;
                try {
                    text = Files.readString(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (String run : runs(text)) {
                    if (seedRuns.contains(run)) {
                        copies.add(file + ": \"" + run + "\"");
                    }
                }
            }
        }
        assertThat(copies).as("words copied from the seed reports").isEmpty();
    }

    private static boolean inRepository(Path file) {
        for (Path part : file.normalize()) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> runs(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        List<String> runs = new ArrayList<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return runs;
    }
}
