package io.github.perceptron.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.ModelStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;

/**
 * Models as JSON documents in the format described in {@code docs/model-format.md}. Saving is
 * atomic; loading is strict and every refusal names the file and the field. Thread-safe: one store
 * may save and load from several threads at once (a reader sees a whole old file or a whole new one).
 */
public final class JsonModelStore implements ModelStore {

    /** The format name every document carries. */
    public static final String FORMAT = "perceptron-model";
    /** The format name of checkpoints: a model document with a {@code training} section. */
    public static final String CHECKPOINT_FORMAT = "perceptron-checkpoint";
    /** The newest format version this code reads: a document whose networks normalise their input. */
    public static final int FORMAT_VERSION = 5;
    /** The version a single network's document is written in, so that readers of version 3 still read it. */
    public static final int NETWORK_VERSION = 3;
    /** The version that brought committees; only theirs are written in it. */
    public static final int COMMITTEE_VERSION = 4;
    /**
     * The version that brought input normalisation ({@code architecture.input.normalisation}): only
     * documents with a network that normalises are written in it, so that older readers, which
     * would feed such a network raw images, refuse them.
     */
    public static final int NORMALISING_VERSION = 5;

    /** The most bytes a number takes as written ("-1.2345678E-38, "), with room for the layout. */
    private static final long MAX_BYTES_PER_NUMBER = 20;

    private final long maxNumbers;
    private final Consumer<String> warnings;

    private final JsonFactory factory = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** A store that says nothing of edited models. */
    public JsonModelStore() {
        this(warning -> { });
    }

    /**
     * A store that passes {@code warnings} one line for each model loaded whose checksum no longer matches.
     *
     * @param warnings receives each warning, one line naming the file
     */
    public JsonModelStore(Consumer<String> warnings) {
        this(CompactTree.MAX_NUMBERS, warnings);
    }

    /** A store that refuses documents of more than {@code maxNumbers} numbers (tests use small ones). */
    JsonModelStore(long maxNumbers, Consumer<String> warnings) {
        this.maxNumbers = maxNumbers;
        this.warnings = warnings;
    }

    @Override
    public void save(Model model, Path location) {
        ModelDocumentWriter.checkFinite(model, location);
        writeAtomically(location, json -> new ModelDocumentWriter(json).write(model));
    }

    /**
     * Loads a model, or the model inside a checkpoint. A model may be edited on purpose, so a
     * checksum that no longer matches is a warning, through {@link #JsonModelStore(Consumer)}.
     */
    @Override
    public Model load(Path location) {
        Document document = readDocument(location);
        if (document.checksum() == ChecksumState.MISMATCH) {
            warnings.accept(location + ": its checksum does not match its content: it was changed after perceptron "
                    + "saved it; using it as it is");
        }
        return new ModelDocumentReader(location).read(document.root(), FORMAT, CHECKPOINT_FORMAT);
    }

    /** What a document's checksum says of it. */
    enum ChecksumState { MATCHES, ABSENT, MISMATCH }

    /** A document's root object and the state of its checksum. */
    record Document(JsonNode root, ChecksumState checksum) {
    }

    /** The document's root object and its checksum's state, after the checks every document passes. */
    Document readDocument(Path location) {
        JsonNode root;
        long covered;
        try {
            BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new ModelStoreException(location + ": is a directory, not a model file");
            }
            if (!attributes.isRegularFile()) {
                throw new ModelStoreException(location + ": is a pipe or a device, not a regular file; save the model "
                        + "to a file first");
            }
            if (attributes.size() > maxNumbers * MAX_BYTES_PER_NUMBER) {
                throw new ModelStoreException(location + ": " + attributes.size() + " bytes is too large for a model file");
            }
            try (InputStream in = Files.newInputStream(location); JsonParser parser = factory.createParser(in)) {
                CompactTree.Document document = CompactTree.read(parser, location, maxNumbers);
                root = document.root();
                covered = document.checksumCovers();
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    throw new ModelStoreException(location + ": not valid JSON: Trailing token (" + trailing
                            + ") after the document" + locationOf(parser.currentLocation()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new ModelStoreException(location + ": file not found");
        } catch (JsonProcessingException e) {
            if (looksLikeOnnx(location)) {
                throw new ModelStoreException(location + ": this looks like an ONNX model, not JSON: name it .onnx to"
                        + " read it as one");
            }
            throw new ModelStoreException(location + ": not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e));
        } catch (NumberFormatException e) {
            // Jackson reports numbers it cannot represent (exponents beyond BigDecimal's range) this way.
            throw new ModelStoreException(location + ": a number out of any representable range: " + e.getMessage());
        } catch (IOException e) {
            throw new ModelStoreException(location + ": cannot read: " + reason(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelStoreException(location + ": not a perceptron model (expected a JSON object)");
        }
        return new Document(root, checksumState(location, root.get(Checksum.FIELD), covered));
    }

    private static ChecksumState checksumState(Path location, JsonNode recorded, long covered) {
        if (recorded == null) {
            return ChecksumState.ABSENT;
        }
        try {
            return recorded.isTextual() && recorded.textValue().equals(Checksum.ofPrefix(location, covered))
                    ? ChecksumState.MATCHES : ChecksumState.MISMATCH;
        } catch (IOException e) {
            throw new ModelStoreException(location + ": cannot read: " + reason(e), e);
        }
    }

    /**
     * Writes {@code content}, one JSON object, atomically to {@code location} through a JSON
     * generator, and ends the object with its checksum field.
     */
    void writeAtomically(Path location, JsonWriter content) {
        try {
            AtomicFiles.replace(location, out -> {
                MessageDigest digest = Checksum.newDigest();
                try (JsonGenerator json = new ChecksummingGenerator(
                        factory.createGenerator(new DigestOutputStream(out, digest)), digest)) {
                    json.useDefaultPrettyPrinter();
                    content.write(json);
                }
            });
        } catch (IOException e) {
            throw new ModelStoreException(location + ": cannot save: " + reason(e), e);
        }
    }

    /** Writes one document. */
    interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }

    /** Writes the checksum of everything before it as the document's last field. */
    private static final class ChecksummingGenerator extends JsonGeneratorDelegate {
        private final MessageDigest digest;

        ChecksummingGenerator(JsonGenerator generator, MessageDigest digest) {
            super(generator, false);
            this.digest = digest;
        }

        @Override
        public void writeEndObject() throws IOException {
            if (getOutputContext().getParent().inRoot()) {
                flush();
                String checksum = Checksum.format(digest);
                writeStringField(Checksum.FIELD, checksum);
            }
            super.writeEndObject();
        }
    }

    /**
     * An ONNX file starts with its IR version, field 1: the byte 0x08 then a small number (3 to
     * 12 in every ONNX release), which no JSON document does.
     */
    private static boolean looksLikeOnnx(Path location) {
        try (InputStream in = Files.newInputStream(location)) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && start[0] == 0x08 && start[1] >= 3 && start[1] <= 12;
        } catch (IOException e) {
            return false;
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return locationOf(e.getLocation());
    }

    private static String locationOf(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
