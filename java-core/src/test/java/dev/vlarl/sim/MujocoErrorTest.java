package dev.vlarl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.bindings.MujocoException;
import dev.vlarl.bindings.NativeException;
import dev.vlarl.torch.LeakCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({LeakCheck.class, MujocoLeakCheck.class})
class MujocoErrorTest {

    @Test
    void malformedMjcfGivesMujocosMessageAndTheNextLoadWorks() {
        MujocoException bad = assertThrows(MujocoException.class,
                () -> MjModel.fromXml("<mujoco><worldbody><geom type=\"blob\"/></worldbody></mujoco>"));
        assertEquals(NativeException.BACKEND, bad.status());
        assertTrue(bad.getMessage().contains("invalid keyword: 'blob'"), bad.getMessage());

        MujocoException unclosed = assertThrows(MujocoException.class,
                () -> MjModel.fromXml("<mujoco><worldbody><geom type=\"sphere\"/></worldbody"));
        assertTrue(unclosed.getMessage().contains("XML parse error"), unclosed.getMessage());

        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData()) {
            assertEquals(1, m.nq());
            assertEquals(0, d.step(10));
        }
    }

    @Test
    void forcedErrorThroughTheHookIsAnExceptionAndTheNextCallWorks() {
        for (int i = 0; i < 3; i++) {
            String text = "forced by the test, round " + i;
            MujocoException e = assertThrows(MujocoException.class, () -> Mujoco.forceError(text));
            assertEquals(text, e.getMessage());
            assertEquals(NativeException.BACKEND, e.status());
        }
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData()) {
            assertEquals(0, d.step(5));
            assertEquals(5 * m.timestep(), d.time(), 1e-12);
        }
    }

    @Test
    void realEngineErrorStackOverflowInsideStepIsAnException() {
        // nstack 300 compiles (qpos0 has no contacts) but overflows once the boxes land.
        try (MjModel m = MjModel.fromXml(Scenes.fallingBoxes(300)); MjData d = m.makeData()) {
            MujocoException e = assertThrows(MujocoException.class, () -> d.step(1000));
            assertTrue(e.getMessage().contains("Stack overflow"), e.getMessage());
            d.reset(); // the documented recovery
            assertEquals(0.0, d.time());
            assertEquals(0, d.step(10));
        }
        try (MjModel m = MjModel.fromXml(Scenes.fallingBoxes(20000)); MjData d = m.makeData()) {
            assertEquals(0, d.step(1000));
            assertEquals(2.0, d.time(), 1e-9);
        }
    }

    @Test
    void tooSmallStackAtCompileTimeIsAnException() {
        MujocoException e = assertThrows(MujocoException.class, () -> MjModel.fromXml(Scenes.fallingBoxes(50)));
        assertTrue(e.getMessage().contains("Stack overflow"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoError() {
        MujocoException e = assertThrows(MujocoException.class,
                () -> MjModel.fromFile(Path.of("/nonexistent/vlarl/model.xml")));
        assertEquals(NativeException.IO, e.status());
        assertTrue(e.getMessage().contains("/nonexistent/vlarl/model.xml"), e.getMessage());
    }

    @Test
    void badArgumentsNameTheProblem() {
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.id(MjObj.BODY, "leg"));
            assertTrue(e.getMessage().contains("'leg'") && e.getMessage().contains("arm"), e.getMessage());
            MujocoException k = assertThrows(MujocoException.class, () -> d.resetKeyframe(3));
            assertEquals(NativeException.INVALID_ARGUMENT, k.status());
            MujocoException n = assertThrows(MujocoException.class, () -> d.step(-1));
            assertTrue(n.getMessage().contains("nsteps"), n.getMessage());
            MujocoException a = assertThrows(MujocoException.class, () -> d.array("no_such_array"));
            assertTrue(a.getMessage().contains("no_such_array"), a.getMessage());
        }
    }
}
