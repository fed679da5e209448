package dev.vlarl.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdvantagesTest {
    @Test
    void usesUnbiasedStdAndEpsilonOnTheStd() {
        float[] r = {1, 0, 0, 0};
        float[] a = new float[4];
        Advantages.grpo(r, 4, 1e-6, a);
        double mean = 0.25;
        double std = Math.sqrt((0.75 * 0.75 + 3 * 0.25 * 0.25) / 3); // n - 1
        assertEquals((1 - mean) / (std + 1e-6), a[0], 1e-6);
        assertEquals((0 - mean) / (std + 1e-6), a[1], 1e-6);
    }

    @Test
    void advantagesOfAGroupSumToZero() {
        float[] r = {1, 1, 0, 1, 0, 0, 0, 1, /* second group */ 0, 0, 0, 0, 0, 0, 0, 1};
        float[] a = new float[r.length];
        Advantages.grpo(r, 8, 1e-6, a);
        for (int g = 0; g < 2; g++) {
            double s = 0;
            for (int i = 0; i < 8; i++) s += a[g * 8 + i];
            assertEquals(0, s, 1e-5);
        }
    }

    @Test
    void groupWithEqualRewardsGetsZero() {
        float[] r = {1, 1, 1, 1, 0, 0, 0, 0};
        float[] a = new float[8];
        Advantages.grpo(r, 4, 1e-6, a);
        for (float x : a) assertEquals(0f, x);
    }

    @Test
    void rejectsGroupsOfOneRaggedInputAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> Advantages.grpo(new float[] {1}, 1, 1e-6, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> Advantages.grpo(new float[5], 4, 1e-6, new float[5]));
        assertThrows(IllegalArgumentException.class,
                () -> Advantages.grpo(new float[] {Float.NaN, 0}, 2, 1e-6, new float[2]));
    }
}
