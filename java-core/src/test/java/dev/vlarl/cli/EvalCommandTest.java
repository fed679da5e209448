package dev.vlarl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval}: the table and the JSON agree, episode by episode, for each decoding. */
class EvalCommandTest {
    @Test
    void writesTheTableAndAConsistentJson(@TempDir Path dir) throws Exception {
        Path bundle = CliFixtures.tinyBundle(dir.resolve("bundle"));
        Path json = dir.resolve("eval.json");
        CliFixtures.Run r = CliFixtures.run("eval", "--checkpoint", bundle.toString(), "--base-fallback", "--tasks", "long/both_cubes_in_bin",
                "--episodes", "3", "--envs", "2", "--first-seed", "4", "--json", json.toString());
        String table = r.out();
        int rc = r.rc();
        assertEquals(0, rc, table);
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, out.get("episodes_per_task").asInt());
        assertEquals(4, out.get("first_eval_seed_index").asInt());
        JsonNode tasks = out.get("tasks");
        assertEquals(2, tasks.size(), "one row per decoding: " + tasks);
        Set<String> decodings = new HashSet<>();
        for (JsonNode t : tasks) {
            assertEquals("long/both_cubes_in_bin", t.get("task").asText());
            assertEquals("long", t.get("suite").asText());
            decodings.add(t.get("decoding").asText().split(" ")[0]);
            // the count eval-table.py reads, and one row per episode, on consecutive held-out seeds
            assertEquals(3, t.get("episodes").asInt());
            JsonNode eps = t.get("per_episode");
            assertEquals(3, eps.size());
            int ok = 0;
            for (int i = 0; i < 3; i++) {
                assertEquals(4 + i, eps.get(i).get("eval_seed").asInt());
                assertTrue(eps.get(i).get("steps").asInt() > 0);
                if (eps.get(i).get("status").asText().equals("SUCCESS")) ok++;
                assertTrue(eps.get(i).get("grasps").isArray());
            }
            assertEquals(ok, t.get("successes").asInt());
            double low = t.get("wilson95_low").asDouble(), high = t.get("wilson95_high").asDouble();
            double rate = t.get("rate").asDouble();
            assertTrue(low <= rate + 1e-9 && rate <= high + 1e-9, low + " " + rate + " " + high);
            // two objects, each held then in the bin
            JsonNode stages = t.get("stages");
            assertEquals(4, stages.size(), stages.toString());
            for (JsonNode s : stages) assertEquals(3, s.get("episodes").asInt());
            int graspRows = 0;
            for (JsonNode e : eps) graspRows += e.get("grasps").size();
            assertEquals(graspRows, t.at("/grasps/held").asInt() + t.at("/grasps/missed").asInt());
        }
        assertEquals(Set.of("greedy", "sampled"), decodings);
        assertTrue(table.contains("stages reached:"), table);
        assertTrue(out.at("/suites/greedy/average/episodes").asInt() == 3, out.toString());
    }
}
