package com.maxmysales.knowledge;

/** Dot products on unit-length embeddings: the cosine similarity without the two square roots per pair. */
final class Vectors {

    private Vectors() {
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        var length = (float) Math.sqrt(norm);
        var unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = length == 0 ? 0 : vector[i] / length;
        }
        return unit;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
