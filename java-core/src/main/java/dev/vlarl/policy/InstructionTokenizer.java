package dev.vlarl.policy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Word-level instruction tokenizer with a vocabulary built from the suite's instructions and
 * saved with the model. Id 0 is padding, 1 is the unknown word; words are lower-cased runs of
 * letters and digits. Unknown words map to {@link #UNK}; nothing crashes on any input text.
 * Immutable and thread-safe.
 */
public final class InstructionTokenizer {
    public static final int PAD = 0;
    public static final int UNK = 1;
    private static final String[] RESERVED = {"<pad>", "<unk>"};

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    private InstructionTokenizer(List<String> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            if (ids.putIfAbsent(this.words.get(i), i) != null) throw new IllegalArgumentException("duplicate word '" + this.words.get(i) + "' in vocabulary");
        }
        if (this.words.size() < 2 || !this.words.get(0).equals(RESERVED[0]) || !this.words.get(1).equals(RESERVED[1]))
            throw new IllegalArgumentException("vocabulary must start with " + String.join(", ", RESERVED));
    }

    /** A vocabulary of every word in {@code instructions} (sorted, so the order is reproducible). */
    public static InstructionTokenizer build(Collection<String> instructions) {
        TreeSet<String> all = new TreeSet<>();
        for (String s : instructions) all.addAll(split(s));
        List<String> w = new ArrayList<>(List.of(RESERVED));
        w.addAll(all);
        return new InstructionTokenizer(w);
    }

    /** Restores a saved vocabulary ({@link #words()}). */
    public static InstructionTokenizer of(List<String> words) {
        return new InstructionTokenizer(words);
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** The vocabulary, id order (what is saved). */
    public List<String> words() {
        return words;
    }

    public int size() {
        return words.size();
    }

    public int id(String word) {
        return ids.getOrDefault(word, UNK);
    }

    /** Ids of {@code text}, cut or padded with {@link #PAD} to {@code length}. */
    public int[] encode(String text, int length) {
        int[] out = new int[length];
        List<String> w = split(text);
        for (int i = 0; i < Math.min(length, w.size()); i++) out[i] = id(w.get(i));
        return out;
    }

    /** Writes the ids of {@code text} as int32[length] at {@code dst} (cut / padded). */
    public void encodeInto(String text, MemorySegment dst, int length) {
        int[] ids = encode(text, length);
        for (int i = 0; i < length; i++) dst.setAtIndex(ValueLayout.JAVA_INT, i, ids[i]);
    }

    /** The words of ids (padding dropped), for debugging and tests. */
    public String decode(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (t == PAD) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(t >= 0 && t < words.size() ? words.get(t) : RESERVED[1]);
        }
        return sb.toString();
    }
}
