package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {
    @Test
    void benchmarkHasTwelvePlusTasksInFourSuitesAndPretrainEightPlus() {
        long bench = TaskRegistry.all().stream().filter(Task::benchmark).count();
        assertTrue(bench >= 12, "benchmark tasks: " + bench);
        for (String s : TaskRegistry.BENCHMARK_SUITES) assertTrue(TaskRegistry.select(s).size() >= 3, s);
        assertTrue(TaskRegistry.select("pretrain").size() >= 8);
    }

    @Test
    void pretrainingTasksAreNoneOfTheBenchmarkTasks() {
        Set<String> bench = new HashSet<>();
        for (Task t : TaskRegistry.select("benchmark")) bench.add(t.instruction() + "|" + t.goal());
        for (Task t : TaskRegistry.select("pretrain")) {
            assertFalse(bench.contains(t.instruction() + "|" + t.goal()), t.name());
        }
    }

    @Test
    void aSuiteNameSelectsAllItsTasks() {
        assertEquals(TaskRegistry.all().stream().filter(t -> t.suite().equals("goal")).toList(), TaskRegistry.select("goal"));
        assertEquals(TaskRegistry.get("goal/open_drawer"), TaskRegistry.select("goal/open_drawer").getFirst());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.select("goal/fly_away"));
        assertTrue(e.getMessage().contains("goal/open_drawer") && e.getMessage().contains("spatial"), e.getMessage());
    }

    @Test
    void trainValidationAndEvalSeedsAreDisjoint() {
        assertTrue(Seeds.TRAIN_END <= Seeds.VALID_START && Seeds.VALID_END <= Seeds.EVAL_START);
        assertTrue(Seeds.isTrain(Seeds.train(0)) && !Seeds.isEval(Seeds.train(0)) && !Seeds.isValidation(Seeds.train(0)));
        assertTrue(Seeds.isEval(Seeds.eval(5)) && !Seeds.isTrain(Seeds.eval(5)) && !Seeds.isValidation(Seeds.eval(5)));
        assertTrue(Seeds.isValidation(Seeds.validation(7)) && !Seeds.isTrain(Seeds.validation(7)) && !Seeds.isEval(Seeds.validation(7)));
        assertThrows(IllegalArgumentException.class, () -> Seeds.validation(Seeds.VALID_END - Seeds.VALID_START));
        assertThrows(IllegalArgumentException.class, () -> Seeds.train(Seeds.TRAIN_END));
    }
}
