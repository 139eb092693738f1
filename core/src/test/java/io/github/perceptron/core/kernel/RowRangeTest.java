package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowRangeTest {

    @ParameterizedTest
    @CsvSource({"1,100", "2,100", "2,1", "3,7", "8,5", "2,0"})
    void every_row_is_handled_exactly_once_whatever_the_thread_count(int threads, int rows) {
        AtomicIntegerArray visits = new AtomicIntegerArray(rows);
        Parallel.forEachRowRange(threads, rows, (from, to) -> {
            assertThat(from).isLessThanOrEqualTo(to);
            for (int r = from; r < to; r++) {
                visits.incrementAndGet(r);
            }
        });
        for (int r = 0; r < rows; r++) {
            assertThat(visits.get(r)).as("row %d", r).isEqualTo(1);
        }
    }
}
