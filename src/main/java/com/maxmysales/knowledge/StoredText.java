package com.maxmysales.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored FAQ question or intent example with its cached embedding, if one was computed from the text's current
 * matching form.
 */
record StoredText(UUID id, String text, @Nullable String embeddedForm, float @Nullable [] embedding) {

    /** The cached embedding, unless the matching form changed since it was computed. */
    float @Nullable [] cachedFor(String matchingForm) {
        return matchingForm.equals(embeddedForm) ? embedding : null;
    }

    static byte[] bytes(float[] vector) {
        var buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float @Nullable [] vector(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        var floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        var vector = new float[floats.remaining()];
        floats.get(vector);
        return vector;
    }
}
