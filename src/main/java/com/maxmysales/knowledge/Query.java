package com.maxmysales.knowledge;

/** A text as the matchers compare it: its Latin matching form and the embedding of that form. */
record Query(String text, float[] vector) {
}
