package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlarl.demo.DemoReader;
import dev.vlarl.demo.Demonstration;
import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.EpisodeStatus;
import dev.vlarl.env.TaskRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The action tokens lose nothing that matters: a recorded expert episode, tokenised (bounds from
 * the demos, 256 bins) and de-tokenised to bin centres, replayed from its seed still succeeds.
 * So a policy that predicts the expert's tokens can solve the task; failures are the model's.
 */
class TokenReplayTest {
    @Test
    void quantisedExpertActionsStillSucceed() throws Exception {
        Demonstration d = DemoReader.read(Path.of("src/test/resources/dev/vlarl/demo/fixture/spatial_left_cube_to_bin-000000.vdemo"));
        VdemoSet set = new VdemoSet(List.of(d));
        ActionTokenizer tok = ActionTokenizer.fit(DemoBatcher.allActions(set), 256);
        EnvSpec spec = EnvSpec.defaults();
        try (BatchedEnv env = new BatchedEnv(spec, 1); ActionChunk chunk = new ActionChunk(1, spec.chunkLength())) {
            env.reset(0, TaskRegistry.get(d.header().task()), d.header().seed());
            for (Demonstration.Chunk c : d.chunks()) {
                for (int k = 0; k < spec.chunkLength(); k++)
                    for (int dim = 0; dim < EnvSpec.ACTION_DIM; dim++) {
                        float a = c.action(Math.min(k, c.actionCount() - 1), dim);
                        chunk.set(0, k, dim, tok.value(dim, tok.token(dim, a)));
                    }
                env.step(chunk);
                if (env.allDone()) break;
            }
            assertEquals(EpisodeStatus.SUCCESS, env.status(0), env.reason(0));
        }
    }
}
