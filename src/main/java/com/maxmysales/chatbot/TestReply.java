package com.maxmysales.chatbot;

import java.util.List;

/**
 * A reply the test panel shows instead of sending it.
 *
 * @param kind text, buttons or list
 * @param options the buttons' or rows' titles, with {@code optionIds} what tapping one answers
 */
public record TestReply(String kind, String text, List<String> options, List<String> optionIds) {
}
