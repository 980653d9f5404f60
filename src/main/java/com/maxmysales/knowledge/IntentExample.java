package com.maxmysales.knowledge;

/** A message a customer could write, labelled with the intent it expresses. */
public record IntentExample(String text, String intent) {
}
