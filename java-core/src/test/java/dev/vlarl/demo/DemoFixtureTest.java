package dev.vlarl.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked-in fixture (recorded with ./vlarl demos) that the policy's tests read. */
class DemoFixtureTest {
    /** Directory of the fixture episodes (test resources). */
    static Path fixture() throws Exception {
        return Path.of(DemoFixtureTest.class.getResource("fixture").toURI());
    }

    @Test
    void fixtureEpisodesAreCompleteSuccessfulExpertDemonstrations() throws Exception {
        List<Demonstration> demos = DemoReader.readDirectory(fixture());
        assertEquals(2, demos.size());
        assertEquals("goal/press_button", demos.get(0).header().task());
        assertEquals("spatial/left_cube_to_bin", demos.get(1).header().task());
        for (Demonstration d : demos) {
            DemoHeader h = d.header();
            assertTrue(h.success(), h.task());
            assertEquals(128, h.imageHeight());
            assertEquals(8, h.chunkLength());
            assertEquals((h.steps() + 7) / 8, d.chunks().size());
            for (Demonstration.Chunk c : d.chunks()) {
                assertEquals(128 * 128 * 3, c.image().length);
                for (float a : c.actions()) assertTrue(a >= -1 && a <= 1);
            }
        }
    }
}
