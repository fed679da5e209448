package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tasks are not trivial: a uniformly random policy and a do-nothing policy succeed on under
 * 5% of episodes. The default run checks 3 episodes per task and policy (none may succeed);
 * the slow run checks 100.
 */
class PolicyBaselineTest {
    static final int FAST_EPISODES = 3;
    static BatchedEnv env;
    static ActionChunk chunk;

    @BeforeAll
    static void open() {
        env = new BatchedEnv(EnvSpec.defaults(), FAST_EPISODES, false);
        chunk = new ActionChunk(FAST_EPISODES, EnvSpec.DEFAULT_CHUNK);
    }

    @AfterAll
    static void close() {
        chunk.close();
        env.close();
    }

    static Stream<String> tasks() {
        return TaskRegistry.all().stream().map(Task::name);
    }

    /** Successes over {@code rounds} batches of episodes with eval seeds. */
    static int successes(Task t, boolean random, int rounds) {
        int ok = 0;
        SplittableRandom r = new SplittableRandom(99);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < env.size(); i++) env.reset(i, t, Seeds.eval(round * env.size() + i));
            while (!env.allDone()) {
                for (int i = 0; i < env.size(); i++)
                    for (int k = 0; k < chunk.chunkLength(); k++)
                        for (int d = 0; d < 4; d++) chunk.set(i, k, d, random ? (float) (r.nextDouble() * 2 - 1) : 0f);
                env.step(chunk, false);
            }
            for (int i = 0; i < env.size(); i++) if (env.status(i) == EpisodeStatus.SUCCESS) ok++;
        }
        return ok;
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void randomAndDoNothingPoliciesFail(String name) {
        Task t = TaskRegistry.get(name);
        int random = successes(t, true, 1), idle = successes(t, false, 1);
        assertTrue(random == 0, name + ": random policy succeeded " + random + "/" + FAST_EPISODES);
        assertTrue(idle == 0, name + ": do-nothing policy succeeded " + idle + "/" + FAST_EPISODES);
    }

    @Test
    @Tag("slow")
    void randomAndDoNothingPoliciesSucceedOnUnderFivePercent() {
        int rounds = (100 + FAST_EPISODES - 1) / FAST_EPISODES;
        int episodes = rounds * FAST_EPISODES;
        for (Task t : TaskRegistry.all()) {
            int random = successes(t, true, rounds), idle = successes(t, false, rounds);
            assertTrue(random < 0.05 * episodes, t.name() + ": random " + random + "/" + episodes);
            assertTrue(idle < 0.05 * episodes, t.name() + ": do-nothing " + idle + "/" + episodes);
        }
    }
}
