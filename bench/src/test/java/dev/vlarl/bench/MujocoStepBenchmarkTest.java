package dev.vlarl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlarl.sim.Mujoco;
import org.junit.jupiter.api.Test;

/** Sets up {@link MujocoStepBenchmark}, runs each variant once, checks they step cleanly and free everything. */
class MujocoStepBenchmarkTest {
    @Test
    void everyVariantStepsCleanlyAndTearDownFreesAll() {
        long models = Mujoco.liveNativeModels(), datas = Mujoco.liveNativeDatas();
        MujocoStepBenchmark b = new MujocoStepBenchmark();
        b.substeps = 10;
        b.setup();
        try {
            double t0 = b.data.time();
            assertEquals(0, b.b00_raw_vm_step());
            assertEquals(0, b.b01_mjdata_step());
            assertEquals(t0 + 20 * b.model.timestep(), b.data.time(), 1e-12);
            assertEquals(0, b.b02_mjbatch_step_per_data());
            assertEquals(10 * b.model.timestep(), b.batchDatas.get(0).time(), 1e-12);
        } finally {
            b.tearDown();
        }
        assertEquals(models, Mujoco.liveNativeModels());
        assertEquals(datas, Mujoco.liveNativeDatas());
    }
}
