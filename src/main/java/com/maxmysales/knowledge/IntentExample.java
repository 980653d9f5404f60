package com.maxmysales.knowledge;

/** A message a customer could write, labelled with the intent it expresses. */
record IntentExample(String text, String intent) {
}
