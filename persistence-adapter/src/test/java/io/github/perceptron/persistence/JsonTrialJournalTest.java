package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.tune.TrialResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTrialJournalTest {

    @TempDir
    Path dir;

    private final TrialResult first = new TrialResult(1, Map.of("lr", "0.05"), 0.9734567890123, 0.0912345678, 7, 12.5, null);
    private final TrialResult failed = new TrialResult(2, Map.of("lr", "3"), 0, Double.NaN, 0, 0.4,
            "training diverged at epoch 1, batch 3: the loss is NaN");

    @Test
    void trials_read_back_exactly_as_recorded() {
        Path file = dir.resolve("journal.jsonl");
        JsonTrialJournal journal = new JsonTrialJournal(file, "search A");
        assertThat(journal.finished()).isEmpty();
        journal.record(first);
        journal.record(failed);
        var read = new JsonTrialJournal(file, "search A").finished();
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).isEqualTo(first);
        assertThat(read.get(1).failure()).isEqualTo(failed.failure());
        assertThat(read.get(1).validationLoss()).isNaN();
    }

    @Test
    void a_line_cut_short_by_a_kill_is_dropped_and_overwritten() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        new JsonTrialJournal(file, "search A").record(first);
        Files.writeString(file, "{\"trial\":2,\"params\":{\"lr\":", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        JsonTrialJournal reopened = new JsonTrialJournal(file, "search A");
        assertThat(reopened.finished()).containsExactly(first);
        reopened.record(failed);
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(new JsonTrialJournal(file, "search A").finished()).hasSize(2);
    }

    @Test
    void a_journal_that_cannot_be_written_fails_naming_the_file() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path file = notADirectory.resolve("journal.jsonl");
        assertThatThrownBy(() -> new JsonTrialJournal(file, "search A").record(first))
                .isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": cannot write the tuning journal");
    }

    @Test
    void a_journal_of_another_search_or_a_broken_line_is_refused_naming_it() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        new JsonTrialJournal(file, "search A").record(first);
        assertThatThrownBy(() -> new JsonTrialJournal(file, "search B").finished()).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": belongs to another search (search A)");
        Files.writeString(file, "not json\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new JsonTrialJournal(file, "search A").finished()).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": line 3 has no checksum");
    }

    /**
     * A line edited by hand changed a search's winner (an edited validation_accuracy was taken as
     * it stood); every line is now sealed by its checksum, and an edit is refused naming the line.
     */
    @Test
    void an_edited_line_is_refused_naming_it_instead_of_changing_the_winner() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        JsonTrialJournal journal = new JsonTrialJournal(file, "search A");
        journal.record(first);
        journal.record(failed);
        String text = Files.readString(file);
        assertThat(text).contains("\"validation_accuracy\":0.9734567890123");
        Files.writeString(file, text.replace("\"validation_accuracy\":0.9734567890123", "\"validation_accuracy\":0.9994567890123"));
        assertThatThrownBy(() -> new JsonTrialJournal(file, "search A").finished()).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": line 2 does not match its checksum").hasMessageNotContaining("\n");
    }

    /** Blank lines gave a NullPointerException's text with shaded class names. */
    @Test
    void a_blank_line_or_two_writers_splicing_lines_is_refused_in_one_line() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        new JsonTrialJournal(file, "search A").record(first);
        Files.writeString(file, "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new JsonTrialJournal(file, "search A").finished()).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": line 3 has no checksum").hasMessageNotContaining("Exception");

        Path spliced = dir.resolve("spliced.jsonl");
        new JsonTrialJournal(spliced, "search A").record(first);
        String line = Files.readAllLines(spliced).get(1);
        Files.writeString(spliced, line.substring(0, 40) + line + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new JsonTrialJournal(spliced, "search A").finished()).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(spliced + ": line 3 does not match its checksum");
    }

    /** Deleting --out mid-search gave "cannot write the tuning journal: /path/journal.jsonl", no reason. */
    @Test
    void a_directory_deleted_mid_search_is_named_as_the_reason() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path file = out.resolve("journal.jsonl");
        JsonTrialJournal journal = new JsonTrialJournal(file, "search A");
        journal.record(first);
        Files.delete(file);
        Files.delete(out);
        assertThatThrownBy(() -> journal.record(failed)).isInstanceOf(ModelStoreException.class)
                .hasMessage(file + ": cannot write the tuning journal: its directory no longer exists (deleted while the "
                        + "run went on?)");
    }

    @Test
    void a_journal_written_before_checksums_is_refused_in_one_line() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"format\":\"perceptron-tune-journal\",\"version\":1,\"search\":\"search A\"}\n");
        assertThatThrownBy(() -> new JsonTrialJournal(file, "search A").finished()).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": line 1 has no checksum (a journal of a perceptron before checksums");
    }
}
