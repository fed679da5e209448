package dev.vlarl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlarl.bindings.TorchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Base and adapter files in the {@link Checkpoints} format. A base file holds the model
 * config, the shared weights and both tokenizers (so it loads with nothing else); an adapter
 * file holds one task's LoRA factors and the config of the base it belongs to.
 */
public final class PolicyFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String BASE_SUFFIX = ".base.vlck";
    public static final String ADAPTER_SUFFIX = ".adapter.vlck";

    private PolicyFiles() {}

    /** A model with its tokenizers. Closing closes the model. */
    public record Loaded(TinyVla model, InstructionTokenizer words, ActionTokenizer actions) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /** Runs {@code writer} on a temporary path and returns the bytes it wrote. */
    static byte[] viaTemp(Consumer<Path> writer) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("vlarl-", ".pt");
            writer.accept(tmp);
            return Files.readAllBytes(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    /** Feeds {@code bytes} to {@code reader} through a temporary path. */
    static void fromTemp(byte[] bytes, Consumer<Path> reader) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("vlarl-", ".pt");
            Files.write(tmp, bytes);
            reader.accept(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    static ObjectNode baseMeta(TinyVla m, InstructionTokenizer words, ActionTokenizer actions) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("kind", "base");
        meta.set("config", JSON.valueToTree(m.config()));
        meta.set("words", JSON.valueToTree(words.words()));
        meta.set("actionLow", JSON.valueToTree(actions.low()));
        meta.set("actionHigh", JSON.valueToTree(actions.high()));
        meta.put("bins", actions.bins());
        return meta;
    }

    static byte[] json(JsonNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode meta(Map<String, byte[]> entries, Path file, String kind) {
        try {
            JsonNode meta = JSON.readTree(Checkpoints.entry(entries, "meta.json", file));
            String k = meta.path("kind").asText();
            if (!k.equals(kind)) throw new CheckpointException("'" + file + "' is a " + k + " checkpoint, not a " + kind);
            return meta;
        } catch (IOException e) {
            throw new CheckpointException("checkpoint '" + file + "' has unreadable metadata: " + e.getMessage(), e);
        }
    }

    /** Writes the base weights and tokenizers to {@code file} (atomically). */
    public static void saveBase(TinyVla m, InstructionTokenizer words, ActionTokenizer actions, Path file) {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("meta.json", json(baseMeta(m, words, actions)));
        e.put("base.pt", viaTemp(m::saveBaseRaw));
        Checkpoints.write(file, e);
    }

    /** Loads a base file into a new model (no adapters). */
    public static Loaded loadBase(Path file) {
        return loadBase(file, java.util.function.UnaryOperator.identity());
    }

    /**
     * Loads a base file into a new model whose config is {@code adjust}ed first: only what the base's
     * weights do not depend on may change (for example {@link PolicyConfig#withLoraRank}); a change
     * that alters a weight's shape fails as a mismatched checkpoint.
     */
    public static Loaded loadBase(Path file, java.util.function.UnaryOperator<PolicyConfig> adjust) {
        Map<String, byte[]> e = Checkpoints.read(file);
        JsonNode meta = meta(e, file, "base");
        try {
            PolicyConfig config = adjust.apply(JSON.treeToValue(meta.get("config"), PolicyConfig.class));
            List<String> words = new ArrayList<>();
            meta.get("words").forEach(w -> words.add(w.asText()));
            InstructionTokenizer wt = InstructionTokenizer.of(words);
            ActionTokenizer at = new ActionTokenizer(JSON.treeToValue(meta.get("actionLow"), float[].class),
                    JSON.treeToValue(meta.get("actionHigh"), float[].class), meta.get("bins").asInt());
            TinyVla m = TinyVla.create(config, wt.size());
            try {
                fromTemp(Checkpoints.entry(e, "base.pt", file), m::loadBaseRaw);
            } catch (RuntimeException ex) {
                m.close();
                throw ex;
            }
            return new Loaded(m, wt, at);
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof CheckpointException ce) throw ce;
            throw new CheckpointException("base checkpoint '" + file + "' cannot be restored: " + ex.getMessage(), ex);
        }
    }

    /** Writes one task's adapter to {@code file} (atomically). */
    public static void saveAdapter(TinyVla m, String task, Path file) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("kind", "adapter");
        meta.put("task", task);
        meta.set("config", JSON.valueToTree(m.config().withSeed(0)));
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("meta.json", json(meta));
        e.put("adapter.pt", viaTemp(p -> m.saveAdapterRaw(task, p)));
        Checkpoints.write(file, e);
    }

    /** Loads an adapter file into {@code m} (adding its task); returns the task name. */
    public static String loadAdapter(TinyVla m, Path file) {
        Map<String, byte[]> e = Checkpoints.read(file);
        JsonNode meta = meta(e, file, "adapter");
        String task = meta.path("task").asText();
        try {
            PolicyConfig c = JSON.treeToValue(meta.get("config"), PolicyConfig.class);
            if (!c.equals(m.config().withSeed(0)))
                throw new CheckpointException("adapter '" + file + "' (task " + task + ") was trained for a base with " + c
                        + "; this base has " + m.config().withSeed(0));
        } catch (IOException ex) {
            throw new CheckpointException("adapter '" + file + "' has an unreadable config: " + ex.getMessage(), ex);
        }
        if (m.hasTask(task)) throw new CheckpointException("adapter '" + file + "': the policy already has task '" + task + "'");
        try {
            fromTemp(Checkpoints.entry(e, "adapter.pt", file), p -> m.loadAdapterRaw(task, p));
        } catch (TorchException ex) {
            throw new CheckpointException("adapter '" + file + "' does not fit this base: " + ex.getMessage(), ex);
        }
        return task;
    }

    /** A file-name-safe form of a task name ("suite/task" -> "suite__task"). */
    public static String fileName(String task) {
        return task.replace("/", "__").replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
