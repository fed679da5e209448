package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void instructionVocabularyIsBuiltSortedAndUnknownWordsMapToUnk() {
        InstructionTokenizer t = InstructionTokenizer.build(List.of("Pick up the red block", "put the block in the bowl"));
        assertEquals(List.of("<pad>", "<unk>", "block", "bowl", "in", "pick", "put", "red", "the", "up"), t.words());
        int[] ids = t.encode("pick the PURPLE block!", 6);
        assertArrayEquals(new int[] {t.id("pick"), t.id("the"), InstructionTokenizer.UNK, t.id("block"), 0, 0}, ids);
        assertEquals("pick the <unk> block", t.decode(ids));
        // Never crashes: null, empty, odd characters, too long.
        assertArrayEquals(new int[3], t.encode(null, 3));
        assertArrayEquals(new int[3], t.encode("", 3));
        assertEquals(2, t.encode("the the the the", 2).length);
        assertArrayEquals(new int[] {InstructionTokenizer.UNK}, t.encode("\u0000\uD83D\uDE00 \u00e9t\u00e9", 1));
    }

    @Test
    void savedVocabularyRoundTrips() {
        InstructionTokenizer t = InstructionTokenizer.build(List.of("open the drawer"));
        InstructionTokenizer back = InstructionTokenizer.of(t.words());
        assertArrayEquals(t.encode("open the drawer now", 5), back.encode("open the drawer now", 5));
        assertThrows(IllegalArgumentException.class, () -> InstructionTokenizer.of(List.of("a", "b")));
    }

    @Test
    void boundsArePercentilesOfTheDemos() {
        float[][] acts = new float[101][2];
        for (int i = 0; i <= 100; i++) {
            acts[i][0] = i;          // 0..100: 1st percentile 1, 99th 99
            acts[i][1] = -5;         // constant dimension
        }
        ActionTokenizer a = ActionTokenizer.fit(acts, 256);
        assertEquals(1f, a.low()[0], 1e-5);
        assertEquals(99f, a.high()[0], 1e-5);
        assertEquals(-5f, a.low()[1]);
        // A constant dimension de-tokenises to the constant.
        assertEquals(-5f, a.value(1, a.token(1, -5f)));
        assertEquals(-5f, a.value(1, 0));
    }

    @Test
    void tokensRoundTripWithinHalfABinAndCentresAreLinspace() {
        ActionTokenizer a = new ActionTokenizer(new float[] {-0.5f, 0f, -1f, -1f}, new float[] {0.5f, 2f, 1f, 1f}, 256);
        assertEquals(-1f, a.centre(0));
        assertEquals(1f, a.centre(255));
        assertEquals(-1f + 2f * 100 / 255, a.centre(100), 1e-6);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            int d = r.nextInt(4);
            float lo = a.low()[d], hi = a.high()[d];
            float v = (float) (lo + (hi - lo) * r.nextDouble());
            float back = a.value(d, a.token(d, v));
            assertTrue(Math.abs(back - v) <= a.resolution(d) + 1e-6, "dim " + d + ": " + v + " -> " + back);
        }
        // Token -> value -> token is the identity.
        for (int d = 0; d < 4; d++)
            for (int tok = 0; tok < 256; tok++) assertEquals(tok, a.token(d, a.value(d, tok)));
        // Outside the bounds clips to the end bins; NaN never throws.
        assertEquals(0, a.token(0, -7f));
        assertEquals(255, a.token(0, 7f));
        assertTrue(a.token(0, Float.NaN) >= 0);
        assertThrows(IllegalArgumentException.class, () -> a.centre(256));
    }
}
