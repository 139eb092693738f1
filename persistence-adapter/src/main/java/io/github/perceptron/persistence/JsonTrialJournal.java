package io.github.perceptron.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.tune.TrialJournal;
import io.github.perceptron.core.tune.TrialResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search's journal as JSON Lines: a header naming the search, then one line per finished trial,
 * forced to the disk before the next trial starts. Every line begins with the SHA-256 of the rest
 * of it ({@code {"checksum":"…", …}}): a line edited by hand, torn, or spliced by two writers is
 * refused, naming the file and the line, instead of changing a search's winner or failing its next
 * resume. A last line cut short by a kill is dropped (that trial runs again). A journal written by
 * another search (other fields, seed or trial count), or by a perceptron before checksums, is
 * refused rather than resumed.
 */
public final class JsonTrialJournal implements TrialJournal {

    static final String FORMAT = "perceptron-tune-journal";
    /** 2: every line carries its checksum. */
    static final int VERSION = 2;
    private static final String SEAL = "{\"checksum\":\"";
    private static final int SHA256_HEX = 64;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final String search;
    /** Bytes of whole lines read back: a partial line after them is cut before the next append. */
    private long intactLength = -1;

    /**
     * {@code search} describes the search in one line; only a journal with the same description resumes.
     *
     * @param file   the journal, one JSON line per trial
     * @param search the search's description
     */
    public JsonTrialJournal(Path file, String search) {
        this.file = file;
        this.search = search;
    }

    @Override
    public List<TrialResult> finished() {
        List<TrialResult> trials = new ArrayList<>();
        if (!Files.exists(file)) {
            intactLength = 0;
            return trials;
        }
        byte[] bytes = read();
        int start = 0;
        int line = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                break;
            }
            line++;
            JsonNode node = parse(unsealed(new String(bytes, start, end - start, StandardCharsets.UTF_8), line), line);
            if (line == 1) {
                checkHeader(node);
            } else {
                trials.add(trial(node, line));
            }
            start = end + 1;
        }
        intactLength = line == 0 ? 0 : start;
        return trials;
    }

    @Override
    public void record(TrialResult result) {
        if (intactLength < 0) {
            finished();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(intactLength);
            channel.position(intactLength);
            StringBuilder text = new StringBuilder();
            if (intactLength == 0) {
                text.append(sealed(header())).append('\n');
            }
            text.append(sealed(line(result))).append('\n');
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            intactLength = channel.position();
        } catch (IOException e) {
            throw new ModelStoreException(file + ": cannot write the tuning journal: " + IoReasons.of(e), e);
        }
    }

    private String header() throws IOException {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("search", search);
        return MAPPER.writeValueAsString(header);
    }

    private static String line(TrialResult result) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("trial", result.number());
        ObjectNode params = node.putObject("params");
        result.params().forEach(params::put);
        node.put("validation_accuracy", result.validationAccuracy());
        if (Double.isFinite(result.validationLoss())) {
            node.put("validation_loss", result.validationLoss());
        } else {
            node.putNull("validation_loss");
        }
        node.put("kept_epoch", result.keptEpoch());
        node.put("seconds", result.seconds());
        node.put("failure", result.failure());
        return MAPPER.writeValueAsString(node);
    }

    private void checkHeader(JsonNode header) {
        if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
            throw new ModelStoreException(file + ": line 1 is not a perceptron tuning journal's header");
        }
        if (!search.equals(header.path("search").asText())) {
            throw new ModelStoreException(file + ": belongs to another search (" + header.path("search").asText()
                    + "); give another --out directory, or delete the journal to start afresh");
        }
    }

    private TrialResult trial(JsonNode node, int line) {
        try {
            Map<String, String> params = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.get("params").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                params.put(field.getKey(), field.getValue().asText());
            }
            JsonNode loss = node.get("validation_loss");
            JsonNode failure = node.get("failure");
            return new TrialResult(node.get("trial").intValue(), params, node.get("validation_accuracy").doubleValue(),
                    loss.isNull() ? Double.NaN : loss.doubleValue(), node.get("kept_epoch").intValue(),
                    node.get("seconds").doubleValue(), failure == null || failure.isNull() ? null : failure.asText());
        } catch (RuntimeException e) {
            throw new ModelStoreException(file + ": line " + line + " is not a finished trial: " + e.getMessage(), e);
        }
    }

    /** {@code json} with the SHA-256 of its text as its first field. */
    private static String sealed(String json) {
        return SEAL + Checksum.sha256Hex(json) + "\"," + json.substring(1);
    }

    /** The text line {@code number}'s checksum covers, once it matches; a refusal naming the line otherwise. */
    private String unsealed(String text, int number) {
        if (!text.startsWith(SEAL)) {
            throw new ModelStoreException(file + ": line " + number + " has no checksum ("
                    + (number == 1 ? "a journal of a perceptron before checksums, or not a journal" : "edited by hand?")
                    + "); delete the journal to start the search afresh, or give another --out");
        }
        int end = SEAL.length() + SHA256_HEX;
        String json = text.length() > end + 2 && text.startsWith("\",", end) ? "{" + text.substring(end + 2) : null;
        if (json == null || !Checksum.sha256Hex(json).equals(text.substring(SEAL.length(), end))) {
            throw new ModelStoreException(file + ": line " + number + " does not match its checksum (edited by hand, "
                    + "or written by two runs at once); delete the journal to start the search afresh");
        }
        return json;
    }

    private JsonNode parse(String text, int line) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new ModelStoreException(file + ": line " + line + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelStoreException(file + ": cannot read the tuning journal: " + IoReasons.of(e), e);
        }
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
