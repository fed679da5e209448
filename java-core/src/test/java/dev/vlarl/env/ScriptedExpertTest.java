package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.demo.DemoReader;
import dev.vlarl.demo.DemoWriter;
import dev.vlarl.demo.Demonstration;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptedExpertTest {
    static final int FAST_SEEDS = 6;
    static BatchedEnv env;
    static ExpertRollout rollout;

    @BeforeAll
    static void open() {
        env = new BatchedEnv(EnvSpec.defaults(), 1, false);
        rollout = new ExpertRollout(env);
    }

    @AfterAll
    static void close() {
        rollout.close();
        env.close();
    }

    static Stream<String> tasks() {
        return TaskRegistry.all().stream().map(Task::name);
    }

    /** Runs the expert on seeds [0, n), checking every action stays in [-1, 1]; returns successes and failures. */
    static List<String> failures(Task t, int n) {
        List<String> failed = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            ExpertRollout.Result r = rollout.run(t, Seeds.train(s), null);
            if (r.status() != EpisodeStatus.SUCCESS) failed.add("seed " + s + ": " + r.reason() + " (phase " + rollout.lastPhase() + ")");
        }
        return failed;
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void expertSolvesTheTask(String name) {
        List<String> failed = failures(TaskRegistry.get(name), FAST_SEEDS);
        assertTrue(failed.size() <= 1, name + ": " + failed);
    }

    @Test
    @Tag("slow")
    void expertSucceedsOnAtLeast95PercentOf100Seeds() {
        List<String> report = new ArrayList<>();
        for (Task t : TaskRegistry.all()) {
            List<String> failed = failures(t, 100);
            if (failed.size() > 5) report.add(t.name() + " " + (100 - failed.size()) + "%: " + failed);
        }
        assertTrue(report.isEmpty(), String.join("\n", report));
    }

    @Test
    void expertActionsStayInRangeAtTheControlRate() {
        Task t = TaskRegistry.get("long/both_cubes_in_bin");
        env.reset(0, t, 3);
        ScriptedExpert e = t.newExpert(3);
        float[] a = new float[4];
        for (int i = 0; i < 300; i++) {
            e.act(env.sim(0), EnvSpec.defaults().maxStepMetres(), a, 0);
            for (float v : a) assertTrue(v >= -1 && v <= 1, "action component " + v);
            assertTrue(a[3] == 1 || a[3] == -1);
        }
    }

    @Test
    void replayingARecordedDemonstrationReproducesItExactly(@TempDir Path dir) throws Exception {
        EnvSpec spec = EnvSpec.defaults();
        try (BatchedEnv renderEnv = new BatchedEnv(spec, 1); ExpertRollout rec = new ExpertRollout(renderEnv);
                ActionChunk chunk = new ActionChunk(1, spec.chunkLength())) {
            for (String name : List.of("goal/push_red_cube_to_blue_zone", "object/green_cylinder_on_plate")) {
                Task t = TaskRegistry.get(name);
                DemoWriter w = new DemoWriter(spec.imageHeight(), spec.imageWidth(), EnvSpec.STATE_DIM);
                ExpertRollout.Result r = rec.run(t, 7, w);
                byte[] finalQpos = renderEnv.sim(0).qpos.toArray(ValueLayout.JAVA_BYTE);
                Path f = dir.resolve(name.replace('/', '_') + ".vdemo");
                w.write(f, rec.header(t, 7, r));
                Demonstration d = DemoReader.read(f);
                assertEquals(r.steps(), d.steps());

                renderEnv.reset(0, t, d.header().seed());
                for (Demonstration.Chunk c : d.chunks()) {
                    assertArrayEquals(c.image(), renderEnv.observations().image(0).toArray(ValueLayout.JAVA_BYTE), name + " frame");
                    assertArrayEquals(c.state(), renderEnv.observations().state(0).toArray(ValueLayout.JAVA_FLOAT), name + " state");
                    for (int k = 0; k < spec.chunkLength(); k++)
                        for (int dim = 0; dim < 4; dim++) chunk.set(0, k, dim, k < c.actionCount() ? c.action(k, dim) : 0f);
                    renderEnv.step(chunk);
                    assertEquals(c.actionCount(), renderEnv.chunkSteps(0), name + ": early termination differs");
                }
                assertEquals(d.header().outcome(), renderEnv.status(0).name(), name);
                assertEquals(r.steps(), renderEnv.steps(0));
                assertArrayEquals(finalQpos, renderEnv.sim(0).qpos.toArray(ValueLayout.JAVA_BYTE), name + " final state");
            }
        }
    }

    @Test
    void aPerturbedRecordingDriftsOffTheExpertsPathAndLabelsItsCorrections(@TempDir Path dir) throws Exception {
        EnvSpec spec = EnvSpec.defaults();
        Task t = TaskRegistry.get("object/blue_cube_on_plate");
        try (BatchedEnv e = new BatchedEnv(spec, 1); ExpertRollout clean = new ExpertRollout(e); ExpertRollout dart = new ExpertRollout(e, ExpertRollout.Recording.CLEAN.withPerturb(0.3))) {
            DemoWriter wc = new DemoWriter(spec.imageHeight(), spec.imageWidth(), EnvSpec.STATE_DIM);
            DemoWriter wd = new DemoWriter(spec.imageHeight(), spec.imageWidth(), EnvSpec.STATE_DIM);
            ExpertRollout.Result rc = clean.run(t, 7, wc), rd = dart.run(t, 7, wd);
            assertEquals(EpisodeStatus.SUCCESS, rc.status());
            assertEquals(EpisodeStatus.SUCCESS, rd.status(), "the expert steers back from the injected noise: " + rd.reason());
            wc.write(dir.resolve("c.vdemo"), clean.header(t, 7, rc));
            wd.write(dir.resolve("d.vdemo"), dart.header(t, 7, rd));
            Demonstration c = DemoReader.read(dir.resolve("c.vdemo")), d = DemoReader.read(dir.resolve("d.vdemo"));
            assertTrue(d.header().source().contains("DART"), d.header().source());
            assertEquals("scripted-expert", c.header().source());
            // same start, then the perturbed states leave the clean path (by more than the expert's own noise)
            assertArrayEquals(c.chunks().get(0).state(), d.chunks().get(0).state());
            double drift = 0;
            for (int i = 1; i < Math.min(c.chunks().size(), d.chunks().size()); i++)
                for (int a = 0; a < 3; a++) drift = Math.max(drift, Math.abs(c.chunks().get(i).state()[a] - d.chunks().get(i).state()[a]));
            assertTrue(drift > 0.005, "largest gripper-position drift " + drift + " m");
            // labels are the expert's (noise-free) actions: within [-1, 1] and binary grips, as recorded cleanly
            for (Demonstration.Chunk ch : d.chunks())
                for (int k = 0; k < ch.actionCount(); k++) {
                    for (int a = 0; a < 4; a++) assertTrue(ch.action(k, a) >= -1 && ch.action(k, a) <= 1);
                    assertTrue(ch.action(k, 3) == 1 || ch.action(k, 3) == -1);
                }
        }
        assertThrows(IllegalArgumentException.class, () -> new ExpertRollout(env, ExpertRollout.Recording.CLEAN.withPerturb(-0.1)));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"object/yellow_cylinder_in_bin", "long/both_cubes_in_bin", "long/drawer_then_cube"})
    void anObjectThatSlipsFromTheFingersIsPickedUpAgain(String name) {
        Task t = TaskRegistry.get(name);
        try (ExpertRollout slipping = new ExpertRollout(env, ExpertRollout.Recording.CLEAN.withSlip(1.0))) {
            for (int seed = 0; seed < 2; seed++) {
                ExpertRollout.Result r = slipping.run(t, Seeds.train(seed), null);
                assertEquals(EpisodeStatus.SUCCESS, r.status(), name + " seed " + seed + ": " + r.reason() + " (phase " + slipping.lastPhase() + ")");
                int picks = (int) t.goal().stages().stream().filter(g -> g instanceof Goal.Held).count();
                assertEquals(picks, slipping.lastRetries(), name + ": every pick slipped once and was picked up again");
            }
        }
        ExpertRollout.Result clean = rollout.run(t, Seeds.train(0), null);
        assertEquals(EpisodeStatus.SUCCESS, clean.status());
        assertEquals(0, rollout.lastRetries(), "without slips the expert grasps once per object");
        assertThrows(IllegalArgumentException.class, () -> new ExpertRollout(env, ExpertRollout.Recording.CLEAN.withSlip(1.5)));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"object/yellow_cylinder_in_bin", "long/both_cubes_in_bin", "spatial/front_cube_on_plate"})
    void anAimErrorAboveTheObjectIsCorrectedAndThePickSucceeds(String name) {
        Task t = TaskRegistry.get(name);
        try (ExpertRollout aiming = new ExpertRollout(env, ExpertRollout.Recording.CLEAN.withAimError(1.0))) {
            int perturbed = 0;
            for (int seed = 0; seed < 3; seed++) {
                ExpertRollout.Result r = aiming.run(t, Seeds.train(seed), null);
                assertEquals(EpisodeStatus.SUCCESS, r.status(), name + " seed " + seed + ": " + r.reason() + " (phase " + aiming.lastPhase() + ")");
                perturbed += aiming.lastAimErrors();
            }
            assertTrue(perturbed >= 3, name + ": only " + perturbed + " chunks ended with an aim error");
        }
        rollout.run(t, Seeds.train(0), null);
        assertEquals(0, rollout.lastAimErrors());
        assertThrows(IllegalArgumentException.class, () -> new ExpertRollout(env, ExpertRollout.Recording.CLEAN.withAimError(1.5)));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"object/yellow_cylinder_in_bin", "long/both_cubes_in_bin", "long/drawer_then_cube"})
    void aGripperMovedOffTheObjectAboveItIsBroughtBackAndThePickSucceeds(String name, @TempDir Path dir) throws Exception {
        EnvSpec spec = EnvSpec.defaults();
        Task t = TaskRegistry.get(name);
        try (ExpertRollout clean = new ExpertRollout(env); ExpertRollout off = new ExpertRollout(env, ExpertRollout.Recording.CLEAN.withHoverOffset(0.03))) {
            for (int seed = 0; seed < 2; seed++) {
                DemoWriter wc = new DemoWriter(spec.imageHeight(), spec.imageWidth(), EnvSpec.STATE_DIM);
                DemoWriter wo = new DemoWriter(spec.imageHeight(), spec.imageWidth(), EnvSpec.STATE_DIM);
                ExpertRollout.Result rc = clean.run(t, Seeds.train(seed), wc);
                ExpertRollout.Result ro = off.run(t, Seeds.train(seed), wo);
                assertEquals(EpisodeStatus.SUCCESS, ro.status(), name + " seed " + seed + ": " + ro.reason() + " (phase " + off.lastPhase() + ")");
                assertTrue(off.header(t, Seeds.train(seed), ro).source().contains("moved up to 0.03 m off"));
                long picks = t.goal().stages().stream().filter(g -> g instanceof Goal.Held).count();
                assertEquals(picks, off.lastDisplacements(), name + ": once per pick");
                wc.write(dir.resolve("c.vdemo"), clean.header(t, Seeds.train(seed), rc));
                wo.write(dir.resolve("o.vdemo"), off.header(t, Seeds.train(seed), ro));
                Demonstration c = DemoReader.read(dir.resolve("c.vdemo")), o = DemoReader.read(dir.resolve("o.vdemo"));
                // the recorded frames leave the clean path by about the offset (the expert's own noise is ~1 mm)
                double drift = 0;
                for (int i = 1; i < Math.min(c.chunks().size(), o.chunks().size()); i++)
                    drift = Math.max(drift, Math.hypot(c.chunks().get(i).state()[0] - o.chunks().get(i).state()[0],
                            c.chunks().get(i).state()[1] - o.chunks().get(i).state()[1]));
                assertTrue(drift > 0.012, name + ": largest horizontal drift " + drift + " m");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ExpertRollout(env, ExpertRollout.Recording.CLEAN.withHoverOffset(0.2)));
    }
}
