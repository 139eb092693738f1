package io.github.perceptron.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void writes_what_a_json_parser_reads_back_identically() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 é");
        value.put("int", 42);
        value.put("double", 0.1);
        value.put("float", 0.3f);
        value.put("matrix", new int[][] {{1, 2}, {3, 4}});
        value.put("list", List.of(true, false));
        value.put("missing", null);
        String line = JsonLine.of(value);
        assertThat(line).doesNotContain("\n");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(line).toString()).isEqualTo(mapper.writeValueAsString(value));
    }

    @Test
    void non_finite_numbers_become_null() {
        assertThat(JsonLine.of(List.of(Double.NaN, Float.POSITIVE_INFINITY))).isEqualTo("[null,null]");
    }
}
