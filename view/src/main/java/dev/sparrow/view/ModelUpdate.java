package dev.sparrow.view;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code model:} (two-way) binding's write-back: {@code instance}'s data (0: the page's) at {@code path} takes
 * {@code value}, as a {@code setData} of the owner would.
 */
public record ModelUpdate(int instance, String path, JsonNode value) {}
