package dev.vlarl.policy;

import dev.vlarl.env.EnvSpec;

/**
 * Sizes of the TinyVLA-style policy (CleanRL style: one line per field). The default trains
 * and acts fast on 2 CPU cores: about 0.9 M base parameters, ~66 k per task adapter.
 *
 * @param image image side in pixels (H = W; must match the environment's EnvSpec)
 * @param patch patch side in pixels: one image token per patch ((image / patch)^2 tokens)
 * @param stem channels of the convolutional stem before the patch embedding
 * @param stemConvs stem convolutions: 1 = one 4x4/4 conv (a plain patchifier), 2 = two 3x3/2 convs
 *     ("early convolutions": objects are located within a patch, which pick-and-place needs)
 * @param keypoints spatial-softmax keypoints read from the stem's feature map, all given to the
 *     transformer as one token of expected (x, y) coordinates (0: none)
 * @param dim transformer width
 * @param layers transformer blocks
 * @param heads attention heads (dim must be a multiple)
 * @param ffn hidden width of each block's MLP
 * @param maxInstruction L, instruction tokens per observation (longer ones are cut)
 * @param chunk K, actions per chunk decoded in one forward
 * @param bins action token bins per dimension
 * @param loraRank rank of each task adapter's low-rank factors
 * @param loraAlpha LoRA scale numerator (update scale = alpha / rank)
 * @param loraHead whether adapters also adapt the output head (the other adaptable layers are
 *     every block's qkv, attention output and MLP linears)
 * @param seed initialisation seed of the base
 * @param loraStem whether adapters also adapt the frozen convolutional stem: a per-task scale
 *     and shift of each stem channel (FiLM, starting at identity) before the keypoints and the
 *     patch embedding, and a low-rank update of the keypoint convolution (new heat maps for the
 *     task's objects), so a task can sharpen how the stem locates its object
 * @param handCrop 0, or the side in pixels of each adapter's hand view: a crop of the image
 *     centred on the gripper's projected position (from the state and the suite camera's
 *     calibration, {@link HandView}), encoded by the adapter into one more token
 * @param aux 0, or {@link GripEvents#DIMS}: the base's auxiliary head, which predicts from each
 *     observation where the gripper's next grip event (grasp or release) happens, relative to
 *     the gripper; pretraining with {@code --aux-weight} trains it with the base, so the image
 *     features must locate objects (acting never reads it)
 */
public record PolicyConfig(int image, int patch, int stem, int stemConvs, int keypoints, int dim, int layers, int heads, int ffn,
        int maxInstruction, int chunk, int bins, int loraRank, double loraAlpha, boolean loraHead, long seed, boolean loraStem,
        int handCrop, int aux) {

    /** No auxiliary head. */
    public PolicyConfig(int image, int patch, int stem, int stemConvs, int keypoints, int dim, int layers, int heads, int ffn,
            int maxInstruction, int chunk, int bins, int loraRank, double loraAlpha, boolean loraHead, long seed, boolean loraStem,
            int handCrop) {
        this(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank, loraAlpha, loraHead,
                seed, loraStem, handCrop, 0);
    }

    /** Adapters without a hand view. */
    public PolicyConfig(int image, int patch, int stem, int stemConvs, int keypoints, int dim, int layers, int heads, int ffn,
            int maxInstruction, int chunk, int bins, int loraRank, double loraAlpha, boolean loraHead, long seed, boolean loraStem) {
        this(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank, loraAlpha, loraHead,
                seed, loraStem, 0);
    }

    /** Adapters on the transformer (and head) only. */
    public PolicyConfig(int image, int patch, int stem, int stemConvs, int keypoints, int dim, int layers, int heads, int ffn,
            int maxInstruction, int chunk, int bins, int loraRank, double loraAlpha, boolean loraHead, long seed) {
        this(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank, loraAlpha, loraHead,
                seed, false, 0);
    }

    public PolicyConfig {
        if (image <= 0 || patch <= 0 || image % patch != 0) throw new IllegalArgumentException("image must be a positive multiple of patch");
        if (patch % 4 != 0) throw new IllegalArgumentException("patch must be a multiple of 4");
        if (keypoints < 0) throw new IllegalArgumentException("keypoints must be >= 0, got " + keypoints);
        if (stemConvs != 1 && stemConvs != 2) throw new IllegalArgumentException("stemConvs must be 1 or 2, got " + stemConvs);
        if (dim <= 0 || heads <= 0 || dim % heads != 0) throw new IllegalArgumentException("dim must be a positive multiple of heads");
        if (layers <= 0 || ffn <= 0 || stem <= 0 || maxInstruction <= 0 || chunk <= 0 || bins < 2 || loraRank <= 0)
            throw new IllegalArgumentException("policy sizes must be positive");
        if (handCrop < 0 || handCrop > image)
            throw new IllegalArgumentException("handCrop must be 0 (off) or a crop side in (0, image], got " + handCrop);
        if (aux != 0 && aux != GripEvents.DIMS)
            throw new IllegalArgumentException("aux must be 0 (none) or " + GripEvents.DIMS + " (the next grip event's offset), got " + aux);
    }

    /** 128 px images, 16 px patches (64 image tokens), width 128, 4 blocks, rank-8 adapters. */
    public static PolicyConfig defaults() {
        return new PolicyConfig(128, 16, 32, 2, 32, 128, 4, 4, 256, 16, EnvSpec.DEFAULT_CHUNK, 256, 8, 16.0, true, 0);
    }

    /** A very small model for unit tests (32 px images). */
    public static PolicyConfig tiny() {
        return new PolicyConfig(32, 8, 8, 2, 8, 32, 2, 2, 64, 8, EnvSpec.DEFAULT_CHUNK, 256, 4, 8.0, true, 0);
    }

    public PolicyConfig withImage(int side) {
        return new PolicyConfig(side, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank, loraAlpha, loraHead, seed,
                loraStem, handCrop, aux);
    }

    /**
     * Adapters of rank {@code r} with the same update scale alpha / rank (the base's weights do
     * not depend on it, so a pretrained base can take adapters of another rank).
     */
    public PolicyConfig withLoraRank(int r) {
        if (r <= 0) throw new IllegalArgumentException("adapter rank must be positive, got " + r);
        return new PolicyConfig(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, r,
                loraAlpha * r / loraRank, loraHead, seed, loraStem, handCrop, aux);
    }

    public PolicyConfig withSeed(long s) {
        return new PolicyConfig(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank, loraAlpha, loraHead, s, loraStem, handCrop, aux);
    }

    /** Adapters that also modulate the stem (or not); the base's weights do not depend on it. */
    public PolicyConfig withLoraStem(boolean on) {
        return new PolicyConfig(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank,
                loraAlpha, loraHead, seed, on, handCrop, aux);
    }

    /**
     * Adapters with a hand view of {@code side} pixels ({@link HandView}; 0 = none); the base's
     * weights do not depend on it.
     */
    public PolicyConfig withHandCrop(int side) {
        return new PolicyConfig(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank,
                loraAlpha, loraHead, seed, loraStem, side, aux);
    }

    /** With ({@code on}) or without the auxiliary head ({@link #aux()}). */
    public PolicyConfig withAux(boolean on) {
        return new PolicyConfig(image, patch, stem, stemConvs, keypoints, dim, layers, heads, ffn, maxInstruction, chunk, bins, loraRank,
                loraAlpha, loraHead, seed, loraStem, handCrop, on ? GripEvents.DIMS : 0);
    }

    /** The native module config ("key=value,...") for a vocabulary of {@code vocab} words. */
    String toNative(int vocab) {
        return "image=" + image + ",patch=" + patch + ",stem=" + stem + ",stem_convs=" + stemConvs + ",keypoints=" + keypoints + ",dim=" + dim + ",layers=" + layers
                + ",heads=" + heads + ",ffn=" + ffn + ",max_instr=" + maxInstruction + ",chunk=" + chunk
                + ",action_dim=" + EnvSpec.ACTION_DIM + ",state_dim=" + EnvSpec.STATE_DIM + ",bins=" + bins
                + ",vocab=" + vocab + ",lora_rank=" + loraRank + ",lora_alpha=" + loraAlpha
                + ",lora_head=" + (loraHead ? 1 : 0) + ",lora_stem=" + (loraStem ? 1 : 0) + ",seed=" + seed
                + (handCrop > 0 ? ",hand_crop=" + handCrop + ",crop_proj=" + HandView.suiteCamera().nativeProjection() : "")
                + (aux > 0 ? ",aux=" + aux : "");
    }
}
