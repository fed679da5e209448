package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each task's success predicate accepts a satisfying state and rejects a near miss. */
class GoalTest {
    static BatchedEnv env;

    @BeforeAll
    static void open() {
        env = new BatchedEnv(EnvSpec.defaults(), 1, false);
    }

    @AfterAll
    static void close() {
        env.close();
    }

    static Stream<String> tasks() {
        return TaskRegistry.all().stream().map(Task::name);
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void predicateRejectsTheInitialStateAndANearMissButAcceptsTheGoal(String name) {
        Task t = TaskRegistry.get(name);
        env.reset(0, t, Seeds.train(3));
        Sim s = env.sim(0);
        assertFalse(t.goal().test(s), name + ": initial state already meets " + t.goal().describe());
        t.goal().nearMiss(s);
        assertFalse(t.goal().test(s), name + ": near miss accepted by " + t.goal().describe());
        env.reset(0, t, Seeds.train(3));
        t.goal().satisfy(s);
        assertTrue(t.goal().test(s), name + ": satisfying state rejected by " + t.goal().describe());
    }
}
