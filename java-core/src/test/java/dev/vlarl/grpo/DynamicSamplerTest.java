package dev.vlarl.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicSamplerTest {
    record Group(float[] rewards) implements DynamicSampler.Rewarded {}

    static Group successes(int k, int n) {
        float[] r = new float[n];
        for (int i = 0; i < k; i++) r[i] = 1;
        return new Group(r);
    }

    @Test
    void withGroupsOfEightDropsExactlyAllFailAndAllSuccess() {
        DynamicSampler<Group> s = new DynamicSampler<>(GrpoConfig.reference());
        for (int k = 0; k <= 8; k++) {
            assertEquals(k > 0 && k < 8, s.keeps(successes(k, 8).rewards()), "k=" + k);
        }
    }

    @Test
    void surplusGroupsWaitForTheNextStep() {
        DynamicSampler<Group> s = new DynamicSampler<>(0.1, 0.9);
        assertTrue(s.offer(successes(3, 8)));
        assertFalse(s.offer(successes(0, 8)));
        assertTrue(s.offer(successes(5, 8)));
        assertTrue(s.offer(successes(1, 8)));
        List<Group> step = s.take(2);
        assertEquals(3f, sum(step.get(0).rewards()));
        assertEquals(1, s.available());
        assertEquals(0.25, s.dropRate(), 1e-12);
        assertThrows(IllegalStateException.class, () -> s.take(2));
    }

    static float sum(float[] r) {
        float s = 0;
        for (float x : r) s += x;
        return s;
    }
}
