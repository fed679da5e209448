/* libvlarl_bench: the C side of the downcall benchmark (see vlarl_bench.h), with JNI
 * twins of the same functions so that JNI and FFM call identical code. */
#include "vlarl_bench.h"

#include <jni.h>

void vb_noop(void) {}

void vb_noop_args(int64_t a, int32_t b) {
    (void)a;
    (void)b;
}

int64_t vb_sum_bytes(const uint8_t* data, int64_t n) {
    int64_t s = 0;
    for (int64_t i = 0; i < n; i++) s += data[i];
    return s;
}

/* ---- JNI twins (class dev.vlarl.bench.JniBench) ---------------------------------- */

JNIEXPORT void JNICALL Java_dev_vlarl_bench_JniBench_noop(JNIEnv* env, jclass cls) {
    (void)env;
    (void)cls;
    vb_noop();
}

JNIEXPORT void JNICALL Java_dev_vlarl_bench_JniBench_noopArgs(JNIEnv* env, jclass cls, jlong a, jint b) {
    (void)env;
    (void)cls;
    vb_noop_args(a, b);
}

/* A direct ByteBuffer: JNI's zero-copy route to off-heap memory. */
JNIEXPORT jlong JNICALL Java_dev_vlarl_bench_JniBench_sumBytesDirect(JNIEnv* env, jclass cls, jobject buf,
                                                                     jlong n) {
    (void)cls;
    const uint8_t* p = (const uint8_t*)(*env)->GetDirectBufferAddress(env, buf);
    return p == NULL ? -1 : vb_sum_bytes(p, n);
}

/* A byte[] pinned for the call (GetPrimitiveArrayCritical): JNI's route to heap memory. */
JNIEXPORT jlong JNICALL Java_dev_vlarl_bench_JniBench_sumBytesArray(JNIEnv* env, jclass cls, jbyteArray arr,
                                                                    jlong n) {
    (void)cls;
    uint8_t* p = (uint8_t*)(*env)->GetPrimitiveArrayCritical(env, arr, NULL);
    if (p == NULL) return -1;
    int64_t s = vb_sum_bytes(p, n);
    (*env)->ReleasePrimitiveArrayCritical(env, arr, p, JNI_ABORT);
    return s;
}
