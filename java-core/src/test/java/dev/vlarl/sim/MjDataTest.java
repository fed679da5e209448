package dev.vlarl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.torch.LeakCheck;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({LeakCheck.class, MujocoLeakCheck.class})
class MjDataTest {
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE;

    private static void drive(MjData d, int steps) {
        for (int s = 0; s < steps; s++) {
            d.ctrl().setAtIndex(F64, 0, Math.sin(0.05 * s));
            assertEquals(0, d.step(10));
        }
    }

    @Test
    void sameModelSameControlsGiveBitIdenticalStates() {
        try (MjModel m1 = MjModel.fromXml(Scenes.ARM); MjModel m2 = MjModel.fromXml(Scenes.ARM);
                MjData a = m1.makeData(); MjData b = m1.makeData(); MjData c = m2.makeData()) {
            drive(a, 300);
            drive(b, 300);
            drive(c, 300);
            assertNotEquals(0.0, a.qpos().getAtIndex(F64, 0), "the arm moved");
            assertEquals(-1, a.qpos().mismatch(b.qpos()));
            assertEquals(-1, a.qvel().mismatch(b.qvel()));
            assertEquals(-1, a.qpos().mismatch(c.qpos()));
            // reset and replay gives the same again
            a.reset();
            drive(a, 300);
            assertEquals(-1, a.qpos().mismatch(b.qpos()));
        }
    }

    @Test
    void viewsSeeMujocosArraysInPlace() {
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData()) {
            assertEquals(m.nq() * 8L, d.qpos().byteSize());
            assertEquals(m.nbody() * 3L * 8, d.xpos().byteSize());
            assertEquals(4, m.nsensordata());
            int arm = m.id(MjObj.BODY, "arm");
            assertEquals(0.5, d.xpos().getAtIndex(F64, 3L * arm + 2), 1e-12);
            assertEquals("front", m.name(MjObj.CAMERA, 0));
            assertEquals(0, m.id(MjObj.ACTUATOR, "motor"));
            assertEquals(-1, m.findId(MjObj.SITE, "nope"));
            // write qpos from Java, forward, and see positions and sensors follow
            d.qpos().setAtIndex(F64, 0, Math.PI / 2); // rotate the arm about +y: tip goes to -z
            d.forward();
            assertEquals(Math.PI / 2, d.sensordata().getAtIndex(F64, 0), 1e-12);
            int tip = m.id(MjObj.SITE, "tip");
            assertEquals(0.5 - 0.4, d.siteXpos().getAtIndex(F64, 3L * tip + 2), 1e-9);
            assertEquals(0.5 - 0.4, d.sensordata().getAtIndex(F64, 3), 1e-9);
            // generic arrays with their shapes
            MjArray rgba = m.array("geom_rgba");
            assertEquals(m.ngeom(), rgba.rows());
            assertEquals(4, rgba.cols());
            assertEquals(MjArray.Type.F32, rgba.type());
            int sky = m.id(MjObj.GEOM, "sky");
            assertEquals(1.0f, rgba.segment().getAtIndex(ValueLayout.JAVA_FLOAT, 4L * sky));
            MjArray xpos = d.array("xpos");
            assertEquals(d.xpos().address(), xpos.segment().address());
            assertEquals(0, m.qposAddress("hinge"));
            assertEquals(0, m.dofAddress("hinge"));
            assertEquals(1, m.sensorAddress("tip_pos"));
            assertEquals(3, m.sensorDimension("tip_pos"));
            assertThrows(IllegalArgumentException.class, () -> m.mocapIndex("arm"));
            assertEquals(0.002, m.timestep());
            m.setTimestep(0.001);
            d.step(3);
            assertEquals(0.003, d.time(), 1e-12);
        }
    }

    @Test
    void nanControlIsReportedNotCrashed() {
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData()) {
            d.ctrl().setAtIndex(F64, 0, Double.NaN);
            int flags = d.step(10);
            assertTrue(StepFlags.isUnstable(flags), StepFlags.describe(flags));
            assertTrue((flags & StepFlags.BAD_CTRL) != 0, StepFlags.describe(flags));
            assertTrue(StepFlags.describe(flags).contains("ctrl"));
            assertEquals(m.timestep(), d.time(), 1e-12, "stepping stopped at the unstable substep");
            d.reset();
            assertEquals(0, d.step(10));
        }
    }

    @Test
    void nanAndHugeVelocitiesAreReportedEveryTime() {
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData()) {
            // the second and third bad step must be seen too (MuJoCo's counters reset with the state)
            for (double bad : new double[] {Double.NaN, 1e30, Double.POSITIVE_INFINITY}) {
                d.step(5);
                d.qvel().setAtIndex(F64, 0, bad);
                int flags = d.step(10);
                assertTrue((flags & StepFlags.BAD_QVEL) != 0, bad + ": " + StepFlags.describe(flags));
                assertTrue(StepFlags.isUnstable(flags));
                assertTrue(Mujoco.lastWarning().contains("QVEL"), Mujoco.lastWarning());
                assertTrue(d.time() <= m.timestep() + 1e-12, "MuJoCo reset the state and we stopped there");
            }
            assertEquals(0, d.step(10));
        }
    }

    @Test
    void copyFromGivesTheSameFuture() {
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData a = m.makeData(); MjData b = m.makeData()) {
            drive(a, 50);
            b.copyFrom(a);
            assertEquals(a.time(), b.time());
            drive(a, 20);
            drive(b, 20);
            assertEquals(-1, a.qpos().mismatch(b.qpos()));
        }
    }

    @Test
    void contactsNameTheGeomsThatTouch() {
        try (MjModel m = MjModel.fromXml(Scenes.fallingBoxes(20000)); MjData d = m.makeData()) {
            assertEquals(0, d.ncon());
            d.step(1000); // the boxes land on the floor and on each other
            assertTrue(d.ncon() > 0);
            int floor = 0, lowest = 1;
            assertTrue(d.touching(floor, lowest) && d.touching(lowest, floor));
            for (int i = 0; i < d.ncon(); i++) assertTrue(d.contactDistance(i) < 0.01, "contact " + i);
            assertThrows(IndexOutOfBoundsException.class, () -> d.contactGeom1(d.ncon()));
        }
    }

    @Test
    void aModelCopyChangesAlone() {
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjModel c = m.copy(); MjData a = m.makeData(); MjData b = c.makeData()) {
            c.setTimestep(0.001);
            assertEquals(0.002, m.timestep());
            int sky = m.id(MjObj.GEOM, "sky");
            c.array("geom_rgba").segment().setAtIndex(ValueLayout.JAVA_FLOAT, 4L * sky + 1, 1f);
            assertEquals(0f, m.array("geom_rgba").segment().getAtIndex(ValueLayout.JAVA_FLOAT, 4L * sky + 1));
            a.step(10);
            b.step(10);
            assertEquals(0.02, a.time(), 1e-12);
            assertEquals(0.01, b.time(), 1e-12);
        }
    }

    @Test
    void closedDataRefusesUseInsteadOfCrashing() {
        MjModel m = MjModel.fromXml(Scenes.ARM);
        MjData d = m.makeData();
        MemorySegment qpos = d.qpos();
        d.close();
        assertThrows(IllegalStateException.class, () -> qpos.getAtIndex(F64, 0));
        assertThrows(IllegalStateException.class, () -> d.step(1));
        m.close();
        assertThrows(IllegalStateException.class, m::timestep);
    }
}
