package dev.vlarl.sim;

/** Small MJCF scenes for the tests. */
final class Scenes {
    private Scenes() {}

    /**
     * A hinged arm with a motor and two sensors over a green floor, a red slab high above
     * (the "sky" side), a fixed camera "front" looking at the arm from -y.
     */
    static final String ARM = """
            <mujoco model="arm">
              <compiler autolimits="true"/>
              <option timestep="0.002"/>
              <visual><quality offsamples="0"/></visual>
              <worldbody>
                <light pos="0 0 3" dir="0 0 -1"/>
                <camera name="front" pos="0 -2.5 1.0" xyaxes="1 0 0 0 0 1"/>
                <geom name="floor" type="plane" size="2 2 0.1" rgba="0.2 0.6 0.2 1"/>
                <geom name="sky" type="box" pos="0 0 1.7" size="0.5 0.3 0.1" rgba="1 0 0 1"/>
                <body name="arm" pos="0 0 0.5">
                  <joint name="hinge" type="hinge" axis="0 1 0" damping="0.1"/>
                  <geom name="link" type="capsule" fromto="0 0 0 0.4 0 0" size="0.05" rgba="0 0 1 1"/>
                  <site name="tip" pos="0.4 0 0"/>
                </body>
              </worldbody>
              <actuator><motor name="motor" joint="hinge" gear="1" ctrlrange="-1 1"/></actuator>
              <sensor>
                <jointpos name="q" joint="hinge"/>
                <framepos name="tip_pos" objtype="site" objname="tip"/>
              </sensor>
            </mujoco>
            """;

    /** Three free boxes falling onto a floor; with a tiny MuJoCo stack the contacts overflow it. */
    static String fallingBoxes(int nstack) {
        return """
                <mujoco>
                  <size nstack="%d"/>
                  <worldbody>
                    <geom type="plane" size="5 5 .1"/>
                    <body pos="0 0 .5"><freejoint/><geom type="box" size=".1 .1 .1"/></body>
                    <body pos="0.05 0 .8"><freejoint/><geom type="box" size=".1 .1 .1"/></body>
                    <body pos="0 0.05 1.1"><freejoint/><geom type="box" size=".1 .1 .1"/></body>
                  </worldbody>
                </mujoco>
                """.formatted(nstack);
    }
}
